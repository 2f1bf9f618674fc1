package org.anjian.enterprise.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseDetails;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.anjian.shared.Uscc;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The enterprise pages as officers and enterprises meet them, on the embedded database. Every test registers its
 * own enterprises under names carrying a marker unique to the run, so that other files (the demo city, other
 * tests) never disturb what it looks for.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnterprisePagesTest {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserAccounts accounts;

	@Test
	void listSearchesByNameAndFiltersByStreetSectorAndTagKeepingTheFiltersInTheUrl() {
		String marker = marker();
		Enterprise workshop = register(TestEnterprises.smallWorkshop("310107", "310107102", "长征" + marker + "机械厂"));
		Enterprise store = register(TestEnterprises.chemicalStore("310107", "310107103", "桃浦" + marker + "化工仓储公司"));
		Enterprise pudong = register(TestEnterprises.smallWorkshop("310115", "310115005", "陆家嘴" + marker + "机械厂"));

		assertThat(mvc.get().uri("/enterprises").param("q", marker).with(as("putuo")))
			.hasStatusOk().bodyText()
			.contains("共 2 家", workshop.name(), store.name(), workshop.uscc(), "长征镇", "有限空间", "重大危险源")
			.doesNotContain(pudong.name(), pudong.uscc());

		assertThat(mvc.get().uri("/enterprises").param("q", marker).param("sector", "HAZCHEM").with(as("putuo")))
			.hasStatusOk().bodyText()
			.contains("共 1 家", store.name())
			.doesNotContain(workshop.name())
			.containsPattern("<option value=\"HAZCHEM\"\\s+selected=\"selected\">危险化学品</option>");

		assertThat(mvc.get().uri("/enterprises").param("q", marker).param("district", "310107")
			.param("street", "310107102").with(as("putuo")))
			.hasStatusOk().bodyText()
			.contains("共 1 家", workshop.name())
			.doesNotContain(store.name())
			.containsPattern("<option value=\"310107102\"\\s+selected=\"selected\">长征镇</option>");

		assertThat(mvc.get().uri("/enterprises").param("q", marker).param("tag", "MAJOR_HAZARD_INSTALLATION")
			.param("keyUnit", "false").param("status", "OPERATING").param("level", "DISTRICT").with(as("putuo")))
			.hasStatusOk().bodyText()
			.contains("共 1 家", store.name())
			.doesNotContain(workshop.name());

		// a credit code finds its enterprise by its beginning
		assertThat(mvc.get().uri("/enterprises").param("q", workshop.uscc().substring(0, 16)).with(as("putuo")))
			.hasStatusOk().bodyText().contains(workshop.name());

		assertThat(mvc.get().uri("/enterprises").param("q", marker + "不存在").with(as("putuo")))
			.hasStatusOk().bodyText().contains("共 0 家", "没有符合条件的企业");
	}

	@Test
	void streetChoicesAreOnlyThoseOfTheChosenDistrictWithinTheCallersScope() {
		assertThat(mvc.get().uri("/enterprises/streets").param("district", "310107").with(as("putuo")))
			.hasStatusOk().bodyText().contains("长征镇", "桃浦镇").doesNotContain("陆家嘴街道");
		assertThat(mvc.get().uri("/enterprises").param("district", "310107").with(as("city")))
			.hasStatusOk().bodyText().contains("长征镇").doesNotContain("陆家嘴街道");
		// a district officer is offered only their district; a street officer only their street
		assertThat(mvc.get().uri("/enterprises").with(as("putuo")))
			.hasStatusOk().bodyText().contains(">普陀区</option>").doesNotContain(">浦东新区</option>");
		assertThat(mvc.get().uri("/enterprises/streets").param("district", "310107").with(as("changzheng")))
			.hasStatusOk().bodyText().contains("长征镇").doesNotContain("桃浦镇");
	}

	@Test
	void fileShowsBasicInformationAndRiskTagsInTabs() {
		Enterprise store = register(TestEnterprises.chemicalStore("310107", "310107103", "桃浦" + marker() + "储运公司"));

		assertThat(mvc.get().uri("/enterprises/{uscc}", store.uscc()).with(as("putuo")))
			.hasStatusOk().bodyText()
			.contains(store.name(), store.uscc(), "基本信息", "风险标签", "变更记录", "王五", "021-66001234",
					"普陀区 · 桃浦镇", "上海市某工业区2号", "危险化学品 · 储存", "中型 · 120人", "在业")
			.doesNotContain("id=\"risk\"");

		assertThat(mvc.get().uri("/enterprises/{uscc}", store.uscc()).param("tab", "risk").with(as("putuo")))
			.hasStatusOk().bodyText()
			.contains("id=\"risk\"", "重大危险源", "三级", "非重点单位", "区级", "普陀区应急管理局执法大队",
					"危险化学品企业由区执法大队监管", "二级", "已投保", "调整监管层级")
			.doesNotContain("id=\"basic\"");
	}

	@Test
	void historyTabNamesTheChangedFieldInChineseWithItsOldAndNewValue() {
		Enterprise workshop = register(TestEnterprises.smallWorkshop("310107", "310107102", "长征" + marker() + "五金厂"));
		MvcTestResult saved = edit("putuo", workshop, "address", "上海市普陀区新村路88号");
		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/enterprises/" + workshop.uscc());

		assertThat(mvc.get().uri("/enterprises/{uscc}", workshop.uscc()).param("tab", "history").with(as("putuo")))
			.hasStatusOk().bodyText()
			.contains("登记建档", "修改档案", "刘洋（普陀区应急管理局执法大队）", "地址", "上海市某路1号", "上海市普陀区新村路88号")
			.doesNotContain("\"address\"", "safety_manager", ">version<");
	}

	@Test
	void creatingWithAWrongCheckCharacterShowsTheExpectedOneNextToTheCodeAndKeepsTheInput() {
		String name = "新建" + marker() + "有限公司";
		String code = TestEnterprises.code("310107");
		char wrong = code.charAt(17) == '1' ? '2' : '1';
		String bad = code.substring(0, 17) + wrong;

		MvcTestResult rejected = create("putuo", bad, name, "longitude", "121.41", "latitude", "31.25");

		assertThat(rejected).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
			.contains("第18位应为“" + code.charAt(17) + "”")
			.containsPattern("class=\"[^\"]*is-invalid\"[^>]*id=\"uscc\"")
			.contains("id=\"error-uscc\"", "value=\"" + name + "\"", "value=\"121.41\"")
			.doesNotContain("id=\"error-name\"");
		assertThat(mvc.get().uri("/enterprises").param("q", name).with(as("putuo"))).bodyText().contains("共 0 家");
	}

	@Test
	void creatingWithUnreadableNumbersShowsAMessageNextToEachField() {
		MvcTestResult rejected = create("putuo", TestEnterprises.code("310107"), "数字" + marker() + "厂",
				"longitude", "东经121度", "latitude", "31.25", "employees", "三十");

		assertThat(rejected).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
			.contains("id=\"error-longitude\"", "经度应为数字", "id=\"error-employees\"", "从业人数应为整数")
			.doesNotContain("id=\"error-latitude\"");
	}

	@Test
	void creatingAnEnterpriseOpensItsFileWithTheSupervisionTheRulesGive() {
		String name = "新建" + marker() + "机械厂";
		String code = TestEnterprises.code("310107").toLowerCase();

		MvcTestResult saved = create("putuo", code, name, "longitude", "121.41", "latitude", "31.25");

		String uscc = Uscc.of(code).value();
		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/enterprises/" + uscc);
		assertThat(saved).flash().containsKey("done");
		assertThat(mvc.get().uri("/enterprises/{uscc}", uscc).param("tab", "risk").with(as("putuo")))
			.hasStatusOk().bodyText().contains(name, "街镇级", "小微工贸企业由街镇监管", "有限空间");
	}

	@Test
	void keyUnitWithoutAReasonIsRefusedBesideTheReason() {
		MvcTestResult rejected = create("putuo", TestEnterprises.code("310107"), "重点" + marker() + "厂",
				"keyUnit", "true");
		assertThat(rejected).hasStatus(HttpStatus.BAD_REQUEST).bodyText()
			.contains("id=\"error-keyUnitReason\"", "列为重点单位须写明理由");
	}

	@Test
	void editingWithAStaleVersionSaysSomeoneElseChangedTheFileAndKeepsTheInput() {
		Enterprise workshop = register(TestEnterprises.smallWorkshop("310107", "310107102", "长征" + marker() + "模具厂"));
		assertThat(edit("putuo", workshop, "address", "第一次修改的地址")).hasStatus3xxRedirection();

		MvcTestResult stale = edit("putuo", workshop, "address", "第二次修改的地址"); // still the version first read

		assertThat(stale).hasStatus(HttpStatus.CONFLICT).bodyText()
			.contains("已被他人修改", "打开最新内容", "value=\"第二次修改的地址\"");
		assertThat(mvc.get().uri("/enterprises/{uscc}", workshop.uscc()).with(as("putuo")))
			.bodyText().contains("第一次修改的地址").doesNotContain("第二次修改的地址");
	}

	@Test
	void malformedCodeInTheAddressIs400WithTheReasonAndUnknownCodeIs404() {
		assertThat(mvc.get().uri("/enterprises/91310000631696382D").with(as("city")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("第18位应为“C”");
		assertThat(mvc.get().uri("/enterprises/9131000063169638/edit").with(as("city")))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("应为18位");
		assertThat(mvc.get().uri("/enterprises/{uscc}", TestEnterprises.code("310107")).with(as("city")))
			.hasStatus(HttpStatus.NOT_FOUND).bodyText().contains("不存在或不在您的管辖范围内");
	}

	@Test
	void putuoOfficerReachesNeitherTheFileNorTheFormsOfAPudongEnterprise() {
		Enterprise pudong = register(TestEnterprises.chemicalStore("310115", "310115005", "陆家嘴" + marker() + "化工"));
		assertThat(mvc.get().uri("/enterprises/{uscc}", pudong.uscc()).with(as("putuo"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/enterprises/{uscc}/edit", pudong.uscc()).with(as("putuo"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/enterprises/{uscc}/contact", pudong.uscc()).with(as("putuo"))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(edit("putuo", pudong, "address", "越权修改")).hasStatus(HttpStatus.NOT_FOUND);
		// registering in 浦东 from 普陀 is not offered, so a posted 浦东 district is refused outright
		MvcTestResult crafted = mvc.post().uri("/enterprises").with(as("putuo")).with(csrf())
			.param("uscc", TestEnterprises.code("310115")).param("name", "越权" + marker()).param("districtCode", "310115")
			.param("sector", "INDUSTRY_TRADE").param("sectorSubtype", "MACHINERY").param("scale", "SMALL").exchange();
		assertThat(crafted).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/enterprises/{uscc}", pudong.uscc()).with(as("pudong"))).hasStatusOk();
	}

	@Test
	void enterpriseUserSeesOnlyItsOwnFileAndChangesOnlyItsContact() {
		Enterprise own = register(TestEnterprises.smallWorkshop("310107", "310107102", "长征" + marker() + "自有企业"));
		Enterprise neighbour = register(TestEnterprises.smallWorkshop("310107", "310107102", "长征" + marker() + "邻居企业"));
		String username = enterpriseUser(own.uscc());

		assertThat(mvc.get().uri("/enterprises").with(as(username)))
			.hasStatus3xxRedirection().hasRedirectedUrl("/enterprises/" + own.uscc());
		assertThat(mvc.get().uri("/enterprises/{uscc}", own.uscc()).with(as(username)))
			.hasStatusOk().bodyText()
			.contains(own.name(), "修改联系人", "本企业档案")
			.doesNotContain("/edit\"", "tab-history", "act-SUSPENDED", "href=\"/enterprises\">企业档案<");
		assertThat(mvc.get().uri("/enterprises/{uscc}", own.uscc()).param("tab", "risk").with(as(username)))
			.hasStatusOk().bodyText().contains("有限空间").doesNotContain("supervision-form");
		assertThat(mvc.get().uri("/enterprises/{uscc}", neighbour.uscc()).with(as(username))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/enterprises/{uscc}/contact", neighbour.uscc()).with(as(username))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/enterprises/{uscc}/edit", own.uscc()).with(as(username))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/enterprises/new").with(as(username))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(edit(username, own, "address", "企业自改地址")).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/enterprises/{uscc}/suspension", own.uscc()).with(as(username)).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/enterprises/{uscc}/supervision", own.uscc()).with(as(username)).with(csrf())
			.param("level", "CITY").param("reason", "自行调整").param("version", String.valueOf(own.version())))
			.hasStatus(HttpStatus.FORBIDDEN);

		assertThat(mvc.post().uri("/enterprises/{uscc}/contact", own.uscc()).with(as(username)).with(csrf())
			.param("safetyManager", "周七").param("safetyManagerPhone", "12345").param("version", String.valueOf(own.version())))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("id=\"error-safetyManagerPhone\"", "联系电话应为11位手机号");
		MvcTestResult saved = mvc.post().uri("/enterprises/{uscc}/contact", own.uscc()).with(as(username)).with(csrf())
			.param("safetyManager", "周七").param("safetyManagerPhone", "13811112222")
			.param("version", String.valueOf(own.version())).exchange();
		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/enterprises/" + own.uscc());
		assertThat(mvc.get().uri("/enterprises/{uscc}", own.uscc()).with(as(username)))
			.bodyText().contains("周七", "13811112222", "上海市某路1号");
		assertThat(mvc.post().uri("/enterprises/{uscc}/contact", neighbour.uscc()).with(as(username)).with(csrf())
			.param("safetyManager", "越权").param("safetyManagerPhone", "13811112222").param("version", "0"))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void officerOverridesTheSupervisionLevelOnlyWithAReason() {
		Enterprise workshop = register(TestEnterprises.smallWorkshop("310107", "310107103", "桃浦" + marker() + "铸造厂"));

		assertThat(mvc.post().uri("/enterprises/{uscc}/supervision", workshop.uscc()).with(as("putuo")).with(csrf())
			.param("level", "DISTRICT").param("reason", " ").param("version", String.valueOf(workshop.version())))
			.hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("id=\"error-reason\"", "调整监管层级须写明理由");

		MvcTestResult saved = mvc.post().uri("/enterprises/{uscc}/supervision", workshop.uscc()).with(as("putuo"))
			.with(csrf()).param("level", "DISTRICT").param("reason", "涉及有限空间作业，近年发生过险情")
			.param("version", String.valueOf(workshop.version())).exchange();
		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/enterprises/" + workshop.uscc() + "?tab=risk");
		assertThat(mvc.get().uri("/enterprises/{uscc}", workshop.uscc()).param("tab", "risk").with(as("putuo")))
			.bodyText().contains("区级", "普陀区应急管理局执法大队", "涉及有限空间作业，近年发生过险情")
			.doesNotContain("小微工贸企业由街镇监管");
		assertThat(mvc.get().uri("/enterprises/{uscc}", workshop.uscc()).param("tab", "history").with(as("putuo")))
			.bodyText().contains("调整监管层级", "监管层级", "街镇级", "区级", "监管层级调整理由");
	}

	@Test
	void officerSuspendsResumesAndDeregistersAndAnImpossibleActIsExplained() {
		Enterprise workshop = register(TestEnterprises.smallWorkshop("310107", "310107102", "长征" + marker() + "停业厂"));

		assertThat(mvc.post().uri("/enterprises/{uscc}/suspension", workshop.uscc()).with(as("putuo")).with(csrf()))
			.hasStatus3xxRedirection().flash().containsKey("done");
		assertThat(mvc.get().uri("/enterprises/{uscc}", workshop.uscc()).with(as("putuo"))).bodyText()
			.contains("停业", "act-OPERATING", "act-DEREGISTERED", "确认注销").doesNotContain("act-SUSPENDED");
		assertThat(mvc.post().uri("/enterprises/{uscc}/deregistration", workshop.uscc()).with(as("putuo")).with(csrf()))
			.hasStatus3xxRedirection();
		MvcTestResult impossible = mvc.post().uri("/enterprises/{uscc}/resumption", workshop.uscc()).with(as("putuo"))
			.with(csrf()).exchange();
		assertThat(impossible).hasStatus3xxRedirection().flash().containsEntry("refused", "企业当前状态为注销，不能恢复营业");
	}

	// ---- helpers

	/** Posts the edit form as a browser would: every field as the file holds it, except one. */
	private MvcTestResult edit(String username, Enterprise e, String field, String value) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("uscc", e.uscc());
		fields.put("name", e.name());
		fields.put("legalRepresentative", e.legalRepresentative());
		fields.put("safetyManager", e.safetyManager());
		fields.put("safetyManagerPhone", e.safetyManagerPhone());
		fields.put("address", e.address());
		fields.put("districtCode", e.districtCode());
		fields.put("streetCode", e.streetCode());
		fields.put("longitude", e.longitude().toPlainString());
		fields.put("latitude", e.latitude().toPlainString());
		fields.put("industryCode", e.industryCode());
		fields.put("sector", e.sector().name());
		fields.put("sectorSubtype", e.sectorSubtype().name());
		fields.put("scale", e.scale().name());
		fields.put("employees", String.valueOf(e.employees()));
		fields.put("standardizationGrade", e.standardizationGrade().name());
		fields.put("majorHazardLevel", e.majorHazardLevel() == null ? "" : e.majorHazardLevel().toString());
		fields.put("liabilityInsurance", e.liabilityInsurance() ? "true" : null);
		fields.put("version", String.valueOf(e.version()));
		fields.put(field, value);
		var request = mvc.post().uri("/enterprises/{uscc}", e.uscc()).with(as(username)).with(csrf());
		fields.forEach((name, v) -> {
			if (v != null) {
				request.param(name, v);
			}
		});
		e.riskTags().forEach(t -> request.param("riskTags", t.name()));
		return request.exchange();
	}

	private MvcTestResult create(String username, String uscc, String name, String... more) {
		var request = mvc.post().uri("/enterprises").with(as(username)).with(csrf())
			.param("uscc", uscc).param("name", name).param("safetyManager", "李四").param("safetyManagerPhone", "13900001111")
			.param("address", "上海市普陀区某路1号").param("districtCode", "310107").param("streetCode", "310107102")
			.param("industryCode", "34").param("sector", "INDUSTRY_TRADE").param("sectorSubtype", "MACHINERY")
			.param("scale", "SMALL").param("employees", "20").param("riskTags", "CONFINED_SPACE")
			.param("standardizationGrade", "NONE");
		for (int i = 0; i < more.length; i += 2) {
			request.param(more[i], more[i + 1]);
		}
		return request.exchange();
	}

	private String enterpriseUser(String uscc) {
		String username = "qiye" + SEQUENCE.incrementAndGet();
		asSystem(() -> {
			UserAccount account = UserAccount.open(username, "企业安全员", "x", Set.of(Role.ENTERPRISE),
					JurisdictionScope.district("310107"), null);
			account.linkEnterprise(uscc);
			accounts.save(account);
		});
		return username;
	}

	private Enterprise register(EnterpriseDetails details) {
		return asSystem(() -> registry.register(details));
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private static String marker() {
		return "测" + SEQUENCE.incrementAndGet();
	}
}
