package org.anjian.inspection;

import java.io.InputStream;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import db.migration.V15__Checklist_reference;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.inspection.internal.ChecklistItem;
import org.anjian.inspection.internal.ChecklistLibrary;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checklist library: the official major-hazard criteria are loaded once with their own verification status,
 * the items that apply to an enterprise come in on-site plan order (general, sector, risk tag) and are narrowed by
 * the inspection's matters, every revision keeps the state it replaced, and only an administrator edits.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChecklistLibraryTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ChecklistLibrary library;

	@Autowired
	DataSource dataSource;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	long count(String where) {
		return asSystem(() -> jdbc.sql("select count(*) from checklist_item where " + where)
			.query(Long.class).single());
	}

	String statusOf(String code) {
		return asSystem(() -> jdbc.sql("select status from checklist_item where code = :c").param("c", code)
			.query(String.class).single());
	}

	long idOf(String code) {
		return asSystem(() -> jdbc.sql("select id from checklist_item where code = :c").param("c", code)
			.query(Long.class).single());
	}

	/** The 工贸 file's criterion rows: every item except the placeholders it marks as missing (text never retrieved). */
	static List<JsonNode> gongmaoRows() throws Exception {
		JsonNode file;
		try (InputStream in = ChecklistLibraryTests.class.getResourceAsStream("/db/reference/gongmao_major_hazard_criteria_2023.json")) {
			file = JsonMapper.builder().build().readTree(in);
		}
		List<JsonNode> rows = new ArrayList<>();
		for (JsonNode article : file.path("articles")) {
			for (JsonNode row : article.path("items")) {
				if (!row.path("status").asString().startsWith("missing")) {
					rows.add(row);
				}
			}
		}
		return rows;
	}

	@Test
	void theOfficialCriteriaAreLoadedAsCityWideMajorHazardItemsWithTheirOwnStatus() throws Exception {
		assertThat(count("code like 'HC2017-%'")).isEqualTo(20);
		assertThat(count("code like 'HC2017-%' and module = 'SECTOR' and sector = 'HAZCHEM' and major_hazard"
				+ " and district_code is null and status = 'VERIFIED' and criterion like '%安监总管三〔2017〕121号 第%项'"
				+ " and legal_basis like '%安监总管三〔2017〕121号'")).isEqualTo(20);
		assertThat(count("code like 'HC2017-%' and matter = '危险化工工艺安全'")).isEqualTo(2);

		List<JsonNode> rows = gongmaoRows();
		assertThat(rows).hasSize(55);
		assertThat(count("code like 'GM2023-%'")).isEqualTo(rows.size());
		assertThat(count("code like 'GM2023-%' and major_hazard and district_code is null"
				+ " and legal_basis = '《工贸企业重大事故隐患判定标准》（应急管理部令第10号）'")).isEqualTo(rows.size());
		long plainlyVerified = rows.stream().map(r -> r.path("status").asString())
			.filter(s -> s.startsWith("verified") && !s.contains("truncated")).count();
		assertThat(count("code like 'GM2023-%' and status = 'VERIFIED'")).isEqualTo(plainlyVerified);
		assertThat(count("code like 'GM2023-%' and status = 'UNVERIFIED'")).isEqualTo(rows.size() - plainlyVerified);
		assertThat(count("code like 'GM2023-%' and module = 'TAG' and risk_tag = 'DUST_EXPLOSION' and matter = '粉尘防爆安全'")).isEqualTo(10);
		assertThat(count("code like 'GM2023-%' and module = 'TAG' and risk_tag = 'AMMONIA_REFRIGERATION'")).isEqualTo(2);
		assertThat(count("code like 'GM2023-%' and module = 'TAG' and risk_tag = 'CONFINED_SPACE'")).isEqualTo(2);
		assertThat(count("code like 'GM2023-%' and module = 'GENERAL' and sector = 'INDUSTRY_TRADE'")).isEqualTo(3);
		assertThat(count("code like 'GM2023-%' and module = 'SECTOR' and sector = 'INDUSTRY_TRADE'")).isEqualTo(38);
		// an industry article applies to its own trades: 冶金 to GB/T 4754 division 31, 建材 to 30
		assertThat(count("code like 'GM2023-04-%' and industry_prefix = '31'")).isEqualTo(8);
		assertThat(count("code like 'GM2023-06-%' and industry_prefix = '30'")).isEqualTo(8);
		// the 2017 chemical criteria are all marked verified in the file; of the 工贸 ones, a truncated text is not
		assertThat(statusOf("GM2023-11-01")).isEqualTo("VERIFIED");
		assertThat(statusOf("GM2023-11-06")).isEqualTo("UNVERIFIED");
		assertThat(statusOf("GM2023-04-04")).isEqualTo("UNVERIFIED");
		assertThat(statusOf("GM2023-07-03")).isEqualTo("UNVERIFIED");

		assertThat(count("code like 'GEN-%'")).isGreaterThanOrEqualTo(33);
		for (String matter : ChecklistLibrary.STANDARD_MATTERS) {
			assertThat(count("code like 'GEN-%' and matter = '" + matter + "'")).as(matter).isGreaterThanOrEqualTo(3);
		}
		assertThat(count("code like 'GEN-%' and remote_eligible")).isGreaterThanOrEqualTo(3);
	}

	@Test
	void loadingTheReferenceAgainChangesNothing() throws Exception {
		long before = count("true");
		asSystem(() -> {
			try (Connection c = dataSource.getConnection()) {
				new V15__Checklist_reference().migrate(new Context() {
					@Override
					public Configuration getConfiguration() {
						return null;
					}

					@Override
					public Connection getConnection() {
						return c;
					}
				});
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		assertThat(count("true")).isEqualTo(before);
	}

	@Test
	void unverifiedItemsAreFlaggedOnThePagesAndInTheApi() throws Exception {
		String list = mvc.perform(get("/checklists?status=UNVERIFIED&q=除尘").with(as("putuo")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("GM2023-11-06", "待核对", "重大隐患判定").doesNotContain("GM2023-11-03", "id=\"create\"");
		String page = mvc.perform(get("/checklists/" + idOf("GM2023-11-06")).with(as("putuo")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("unverifiedWarning", "待核对", "重大隐患判定", "应急管理部令第10号 第十一条第六项")
			.doesNotContain("id=\"revise\"");
		String api = mvc.perform(get("/api/checklists/" + idOf("GM2023-11-06")).with(as("changzheng")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(api).contains("\"status\":\"UNVERIFIED\"", "\"verified\":false", "\"majorHazard\":true");
		assertThat(mvc.perform(get("/checklists/" + idOf("GM2023-11-06")).with(as("admin"))).andReturn().getResponse()
			.getContentAsString()).contains("id=\"revise\"");
	}

	@Test
	void aDustExplosiveWoodworkingPlantGetsGeneralThenSectorThenTagItems() {
		List<ChecklistItem> items = asSystem(
				() -> library.applicable(Sector.INDUSTRY_TRADE, "20", Set.of(RiskTag.DUST_EXPLOSION), List.of()));
		List<String> codes = items.stream().map(ChecklistItem::code).toList();
		assertThat(codes).contains("GEN-ZR-01", "GEN-PX-03", "GM2023-03-01", "GM2023-03-02", "GEN-GM-01", "GM2023-08-05",
				"GM2023-11-01", "GM2023-11-10", "GEN-FC-01")
			// not another sector's, trade's or risk's: chemicals, 冶金, metal smelters' management, 食品, ammonia
			.doesNotContain("HC2017-01", "GEN-HC-01", "GM2023-04-01", "GM2023-03-03", "GM2023-08-01", "GM2023-12-01",
					"GEN-AN-01");
		List<Integer> order = items.stream().map(i -> ChecklistLibrary.MODULES.indexOf(i.module())).toList();
		assertThat(order).isSorted();
		assertThat(order.get(0)).isZero();
		assertThat(order).contains(0, 1, 2);
		for (String module : List.of("GENERAL", "SECTOR", "TAG")) {
			assertThat(items.stream().filter(i -> i.module().equals(module)).map(ChecklistItem::code).toList()).as(module)
				.isSorted();
		}
		assertThat(items).allMatch(ChecklistItem::active);
	}

	@Test
	void theInspectionsMattersNarrowTheItemsButItemsWithoutAMatterAlwaysApply() throws Exception {
		String code = "T-NOMATTER-" + System.nanoTime() % 100000;
		mvc.perform(post("/api/checklists").with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"code":"%s","module":"GENERAL","text":"测试：无事项的通用检查项","legalBasis":"《中华人民共和国安全生产法》（2021年修正）"}
					""".formatted(code)))
			.andExpect(status().isCreated());
		List<ChecklistItem> items = asSystem(() -> library.applicable(Sector.INDUSTRY_TRADE, "20",
				Set.of(RiskTag.DUST_EXPLOSION), List.of("安全生产教育培训", "粉尘防爆安全")));
		assertThat(items).map(ChecklistItem::code).contains("GEN-PX-01", "GM2023-03-02", "GM2023-11-01", "GEN-FC-03", code)
			.doesNotContain("GEN-ZR-01", "GEN-YH-01", "GEN-GM-01", "GM2023-08-05");
		assertThat(items).allMatch(i -> i.matter() == null || List.of("安全生产教育培训", "粉尘防爆安全").contains(i.matter()));
	}

	@Test
	void aRevisionKeepsThePreviousVersionAndAStaleOneChangesNothing() throws Exception {
		String code = "T-REV-" + System.nanoTime() % 100000;
		String created = mvc.perform(post("/api/checklists").with(as("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"code":"%s","module":"TAG","riskTag":"CONFINED_SPACE","matter":"有限空间作业安全",
					 "text":"旧文本：是否设置有限空间警示标志","legalBasis":"旧依据","remoteEligible":true}
					""".formatted(code)))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		assertThat(created).contains("\"status\":\"UNVERIFIED\"", "\"version\":0", "\"remoteEligible\":true");
		long id = idOf(code);
		mvc.perform(put("/api/checklists/" + id).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version":0,"item":{"module":"TAG","riskTag":"CONFINED_SPACE","matter":"有限空间作业安全",
					 "text":"新文本：是否在有限空间出入口设置明显的安全警示标志","legalBasis":"《工贸企业有限空间作业安全规定》",
					 "majorHazard":true,"criterion":"应急管理部令第10号 第十三条第一项","status":"VERIFIED"}}
					"""))
			.andExpect(status().isOk());
		ChecklistItem revised = asSystem(() -> library.item(id));
		assertThat(revised.version()).isEqualTo(1);
		assertThat(revised.text()).startsWith("新文本");
		assertThat(revised.verified()).isTrue();
		assertThat(revised.majorHazard()).isTrue();
		String versions = mvc.perform(get("/api/checklists/" + id + "/versions").with(as("putuo")))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(versions).contains("\"version\":0", "旧文本：是否设置有限空间警示标志", "\"legalBasis\":\"旧依据\"",
				"\"status\":\"UNVERIFIED\"", "\"changedBy\":\"admin\"").doesNotContain("新文本");

		// an edit made on version 0 after version 1 exists is refused, as any stale act, and leaves the item as it is
		String stale = mvc.perform(put("/api/checklists/" + id).with(as("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"version":0,"item":{"module":"GENERAL","text":"覆盖","legalBasis":"覆盖"}}
					"""))
			.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
		assertThat(stale).contains("被他人修改");
		// bad input changes nothing either
		mvc.perform(put("/api/checklists/" + id).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version":1,"item":{"module":"SECTOR","text":"缺行业","legalBasis":"x"}}
					"""))
			.andExpect(status().isBadRequest());
		assertThat(asSystem(() -> library.item(id)).text()).startsWith("新文本");
		// new wording without a stated status is to be verified again; unchanged wording keeps its status
		mvc.perform(put("/api/checklists/" + id).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version":1,"item":{"module":"TAG","riskTag":"CONFINED_SPACE","matter":"有限空间作业安全",
					 "text":"新文本：是否在有限空间出入口设置明显的安全警示标志","legalBasis":"《工贸企业有限空间作业安全规定》",
					 "majorHazard":true,"criterion":"应急管理部令第10号 第十三条第一项","remoteEligible":true}}
					"""))
			.andExpect(status().isOk());
		assertThat(asSystem(() -> library.item(id)).verified()).isTrue();
		mvc.perform(put("/api/checklists/" + id).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("""
					{"version":2,"item":{"module":"TAG","riskTag":"CONFINED_SPACE","matter":"有限空间作业安全",
					 "text":"新文本：是否在有限空间出入口设置明显的安全警示标志和告知牌","legalBasis":"《工贸企业有限空间作业安全规定》",
					 "majorHazard":true,"criterion":"应急管理部令第10号 第十三条第一项"}}
					"""))
			.andExpect(status().isOk());
		assertThat(asSystem(() -> library.item(id)).verified()).isFalse();

		// deactivating is a revision too, and takes the item out of every new plan
		mvc.perform(post("/checklists/" + id + "/deactivation").with(as("admin")).with(csrf()).param("version", "3"))
			.andExpect(status().is3xxRedirection());
		assertThat(asSystem(() -> library.item(id)).active()).isFalse();
		assertThat(asSystem(() -> library.versions(id))).extracting(ChecklistLibrary.Version::version)
			.containsExactly(3, 2, 1, 0);
		assertThat(asSystem(() -> library.applicable(Sector.INDUSTRY_TRADE, null,
				Set.of(RiskTag.CONFINED_SPACE), List.of()))).noneMatch(i -> i.id() == id);
		String page = mvc.perform(get("/checklists/" + id).with(as("admin"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString();
		assertThat(page).contains("已停用", "旧文本：是否设置有限空间警示标志", "id=\"versions\"");
	}

	@Test
	void onlyAnAdministratorEditsOthersReadOnly() throws Exception {
		long id = idOf("GEN-PX-02");
		String before = asSystem(() -> library.item(id)).toString();
		for (String who : List.of("putuo", "changzheng")) {
			mvc.perform(post("/api/checklists").with(as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\":\"T-INTRUDER\",\"module\":\"GENERAL\",\"text\":\"x\",\"legalBasis\":\"x\"}"))
				.andExpect(status().isForbidden());
			mvc.perform(put("/api/checklists/" + id).with(as(who)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"item\":{\"module\":\"GENERAL\",\"text\":\"x\",\"legalBasis\":\"x\"}}"))
				.andExpect(status().isForbidden());
			mvc.perform(post("/api/checklists/" + id + "/deactivation").with(as(who)).with(csrf()))
				.andExpect(status().isForbidden());
			mvc.perform(post("/checklists/" + id).with(as(who)).with(csrf()).param("module", "GENERAL").param("text", "x")
				.param("legalBasis", "x")).andExpect(status().isForbidden());
			mvc.perform(get("/api/checklists/" + id).with(as(who))).andExpect(status().isOk());
		}
		assertThat(asSystem(() -> library.item(id)).toString()).isEqualTo(before);
		assertThat(count("code = 'T-INTRUDER'")).isZero();
	}

	@Test
	void badInputIsRefusedWithAClearMessageAndNothingIsCreated() throws Exception {
		String answer = mvc.perform(post("/api/checklists").with(as("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("""
					{"code":"T-BAD-1","module":"TAG","text":"缺风险标签","legalBasis":"x"}
					"""))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(answer).contains("风险标签");
		mvc.perform(post("/api/checklists").with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"T-BAD-2\",\"module\":\"GENERAL\",\"matter\":\"随便写的事项\",\"text\":\"x\",\"legalBasis\":\"x\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(post("/api/checklists").with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content("{\"code\":\"GEN-ZR-01\",\"module\":\"GENERAL\",\"text\":\"x\",\"legalBasis\":\"x\"}"))
			.andExpect(status().isBadRequest());
		assertThat(count("code in ('T-BAD-1', 'T-BAD-2')")).isZero();
	}

	@Test
	void anAdministratorCreatesAndRevisesOnThePagesAndAMistakeComesBackAsAMessage() throws Exception {
		assertThat(mvc.perform(get("/checklists").with(as("admin"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains("id=\"create\"", "matterOptions", "粉尘防爆安全");
		String code = "T-PAGE-" + System.nanoTime() % 100000;
		mvc.perform(post("/checklists").with(as("admin")).with(csrf()).param("code", code).param("module", "SECTOR")
			.param("sector", "HAZCHEM").param("matter", "危险化学品储存使用安全管理").param("text", "页面新增：是否设置安全警示标志")
			.param("legalBasis", "《中华人民共和国安全生产法》（2021年修正）").param("clause", "第三十五条")
			.param("remoteEligible", "true").param("status", "UNVERIFIED"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl("/checklists/" + idOf(code)));
		long id = idOf(code);
		mvc.perform(post("/checklists/" + id).with(as("admin")).with(csrf()).param("version", "0").param("module", "SECTOR")
			.param("sector", "HAZCHEM").param("matter", "危险化学品储存使用安全管理").param("text", "页面修订：是否设置明显的安全警示标志")
			.param("legalBasis", "《中华人民共和国安全生产法》（2021年修正）").param("clause", "第三十五条").param("status", "VERIFIED"))
			.andExpect(status().is3xxRedirection())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("done",
					"已修订检查项 " + code + "，现为第 1 版"));
		ChecklistItem item = asSystem(() -> library.item(id));
		assertThat(item.verified()).isTrue();
		assertThat(item.remoteEligible()).as("an unticked box clears the flag").isFalse();
		mvc.perform(post("/checklists/" + id).with(as("admin")).with(csrf()).param("version", "1").param("module", "SECTOR")
			.param("text", "x").param("legalBasis", "x"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash().attribute("refused",
					"行业模块的检查项须选择行业领域（危险化学品或工贸）"));
		assertThat(asSystem(() -> library.item(id)).version()).isEqualTo(1);
		assertThat(mvc.perform(get("/checklists/" + id).with(as("putuo"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("页面修订", "页面新增", "已核对");
	}

	@Test
	void theApiListsWhatAppliesToAChemicalStoreWithAMajorHazardInstallation() throws Exception {
		String answer = mvc.perform(get("/api/checklists/applicable").with(as("putuo")).param("sector", "HAZCHEM")
			.param("tags", "MAJOR_HAZARD_INSTALLATION").param("matters", "重大危险源管控", "危险化学品储存使用安全管理"))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(answer).contains("\"HC2017-03\"", "\"HC2017-05\"", "\"HC2017-20\"", "\"GEN-ZD-01\"", "\"GEN-HC-03\"")
			.doesNotContain("\"HC2017-04\"", "\"HC2017-01\"", "\"GEN-FC-01\"", "\"GM2023-", "\"GEN-ZR-01\"");
		assertThat(answer.indexOf("\"HC2017-03\"")).isLessThan(answer.indexOf("\"GEN-ZD-01\""));
		mvc.perform(get("/api/checklists/applicable").with(as("putuo")).param("tags", "NO_SUCH_TAG"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/checklists").with(as("putuo")).param("module", "NOPE")).andExpect(status().isBadRequest());
		assertThat(mvc.perform(get("/").with(as("putuo"))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains("id=\"link-checklists\"");
	}
}
