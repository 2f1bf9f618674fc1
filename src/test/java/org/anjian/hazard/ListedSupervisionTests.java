package org.anjian.hazard;

import java.time.LocalDate;
import java.util.List;

import org.anjian.Acting;
import org.anjian.TestOfficers;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.HazardFixtures.Found;
import org.anjian.hazard.internal.HazardListing;
import org.anjian.hazard.internal.HazardListing.Responsible;
import org.anjian.hazard.internal.ListedSupervision;
import org.anjian.hazard.internal.ListedSupervision.ListingOrder;
import org.anjian.hazard.internal.ListingLevel;
import org.anjian.hazard.internal.ListingStatus;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Listed supervision (挂牌督办) by 普陀区's brigade on the embedded PostgreSQL, with row security as each user meets it:
 * a major hazard listed, its progress reported, delisting refused until the re-inspection verified it, then delisted;
 * the refusals; the enterprise's own user reporting progress on its own listed hazard and on no other.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ListedSupervisionTests {

	@Autowired
	ListedSupervision supervision;

	@Autowired
	HazardRectification rectification;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	HazardFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new HazardFixtures(registry, jdbc, rectification, accounts);
	}

	static ListingOrder order(ListingLevel level) {
		return new ListingOrder(level, new Responsible("张建华", "总经理", "13900001111"), LocalDate.now().plusDays(60),
				"液氨储罐区重大事故隐患，整改涉及停产改造");
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	List<String> auditedActions(String table, long id) {
		return Acting.asSystem(() -> jdbc.sql("""
				select action from audit_record where entity_type = :t and entity_id = :id order by seq""")
			.param("t", table).param("id", String.valueOf(id)).query(String.class).list());
	}

	@Test
	void aListedHazardGetsProgressAndIsDelistedOnlyAfterItsReinspectionVerifiedIt() throws Exception {
		Found hazard = fixtures.rectifying("挂牌督办流程测试化工", "液氨储罐区未设置泄漏报警装置", true);

		HazardListing listed = Acting.as("putuo", () -> supervision.list(hazard.id(), order(ListingLevel.DISTRICT)));
		assertThat(listed.status()).isEqualTo(ListingStatus.LISTED);
		assertThat(listed.listedBy()).isEqualTo("putuo");
		assertThat(listed.districtCode()).isEqualTo("310107");

		Acting.as("putuo", () -> supervision.reportProgress(listed.id(), LocalDate.now(), "报警装置已采购，计划本周安装",
				listed.version()));
		assertThat(Acting.as("putuo", () -> supervision.progress(listed.id()))).extracting(HazardListing.ProgressReport::text)
			.containsExactly("报警装置已采购，计划本周安装");

		HazardListing current = Acting.as("putuo", () -> supervision.listing(listed.id()));
		assertThatThrownBy(() -> Acting.as("putuo", () -> supervision.delist(listed.id(), current.version())))
			.isInstanceOf(InvalidTransitionException.class).hasMessage("隐患尚未复查销号，不能摘牌");
		assertThat(Acting.as("putuo", () -> supervision.listing(listed.id())).status()).isEqualTo(ListingStatus.LISTED);

		// the enterprise reports its rectification, the officer re-inspects and closes the hazard (销号)
		Acting.asSystem(() -> rectification.submitEvidence(hazard.id(), "已安装泄漏报警装置并联动", null));
		Acting.as("putuo", () -> rectification.verify(hazard.id(), "putuo", TestOfficers.forHazard(jdbc, hazard.id()), "报警装置运行正常", null));

		HazardListing delisted = Acting.as("putuo", () -> supervision.delist(listed.id(), current.version()));
		assertThat(delisted.status()).isEqualTo(ListingStatus.DELISTED);
		assertThat(delisted.delistedBy()).isEqualTo("putuo");
		assertThat(delisted.delistedAt()).isNotNull();
		assertThatThrownBy(() -> Acting.as("putuo", () -> supervision.reportProgress(listed.id(), LocalDate.now(), "补报", null)))
			.isInstanceOf(InvalidTransitionException.class).hasMessageContaining("已摘牌");

		String page = mvc.perform(get("/hazards/{id}/listing", hazard.id()).with(as("putuo"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("已摘牌").contains("id=\"delisted\"").contains("报警装置已采购，计划本周安装")
			.doesNotContain("id=\"report\"").doesNotContain("id=\"delist\"").doesNotContain("id=\"list\"");
		assertThat(mvc.perform(get("/hazards/listings").param("status", "DELISTED").with(as("putuo"))).andReturn()
			.getResponse().getContentAsString()).contains(hazard.enterprise());

		assertThat(auditedActions("hazard_listing", listed.id())).containsExactly("hazard.list-for-supervision",
				"hazard.report-progress", "hazard.delist");
		long progressId = Acting.as("putuo", () -> supervision.progress(listed.id())).get(0).id();
		assertThat(auditedActions("hazard_progress", progressId)).containsExactly("hazard.report-progress");
	}

	@Test
	void aGeneralAVerifiedOrAnAlreadyListedHazardIsNotListedNorAboveTheOfficersLevel() {
		Found general = fixtures.rectifying("挂牌拒绝测试一般隐患厂", "消防通道堆放杂物", false);
		assertThatThrownBy(() -> Acting.as("putuo", () -> supervision.list(general.id(), order(ListingLevel.DISTRICT))))
			.isInstanceOf(InvalidInputException.class).hasMessage("该隐患为一般事故隐患，只有重大事故隐患可以挂牌督办");

		Found major = fixtures.rectifying("挂牌拒绝测试重大隐患厂", "可燃气体报警装置失效", true);
		assertThatThrownBy(() -> Acting.as("putuo", () -> supervision.list(major.id(), order(ListingLevel.CITY))))
			.isInstanceOf(InvalidInputException.class).hasMessage("区级执法人员不能以市级挂牌督办（最高为区级）");
		Acting.as("putuo", () -> supervision.list(major.id(), order(ListingLevel.DISTRICT)));
		assertThatThrownBy(() -> Acting.as("putuo", () -> supervision.list(major.id(), order(ListingLevel.STREET))))
			.isInstanceOf(InvalidInputException.class).hasMessage("该隐患已在挂牌督办中，不能重复挂牌");

		Found verified = fixtures.rectifying("挂牌拒绝测试已销号厂", "储罐区防火堤破损", true);
		Acting.asSystem(() -> rectification.submitEvidence(verified.id(), "已修复防火堤", null));
		Acting.asSystem(() -> rectification.verify(verified.id(), "putuo", TestOfficers.forHazard(jdbc, verified.id()), "修复合格", null));
		assertThatThrownBy(() -> Acting.as("putuo", () -> supervision.list(verified.id(), order(ListingLevel.DISTRICT))))
			.isInstanceOf(InvalidInputException.class).hasMessage("该隐患已复查销号，无需挂牌督办");

		long stored = Acting.asSystem(() -> jdbc.sql("select count(*) from hazard_listing where hazard_id in (:ids)")
			.param("ids", List.of(general.id(), major.id(), verified.id())).query(Long.class).single());
		assertThat(stored).as("only the one allowed listing").isEqualTo(1);
	}

	@Test
	void anOfficerListsFromThePageAndFindsTheHazardAmongTheListedOnes() throws Exception {
		Found hazard = fixtures.rectifying("挂牌页面测试化工", "重大危险源未设置独立的安全仪表系统", true);
		String form = mvc.perform(get("/hazards/{id}/listing", hazard.id()).with(as("putuo"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(form).contains(hazard.description()).contains("id=\"list\"").contains("区级").doesNotContain(">市级<");

		MockHttpServletResponse listed = mvc.perform(post("/hazards/{id}/listing", hazard.id()).with(as("putuo")).with(csrf())
			.param("level", "DISTRICT").param("responsibleName", "李志刚").param("responsiblePosition", "安全总监")
			.param("responsiblePhone", "021-66001234").param("dueOn", LocalDate.now().plusDays(45).toString())
			.param("reason", "重大事故隐患，区级挂牌督办")).andReturn().getResponse();
		assertThat(listed.getRedirectedUrl()).isEqualTo("/hazards/" + hazard.id() + "/listing");
		HazardListing listing = Acting.as("putuo", () -> supervision.ofHazard(hazard.id())).orElseThrow();
		mvc.perform(post("/hazards/{id}/listing/progress", hazard.id()).with(as("putuo")).with(csrf())
			.param("listingId", String.valueOf(listing.id())).param("version", String.valueOf(listing.version()))
			.param("text", "已委托设计院编制安全仪表系统方案"));

		String page = mvc.perform(get("/hazards/{id}/listing", hazard.id()).with(as("putuo"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("李志刚（安全总监，021-66001234）").contains("督办中").contains("已委托设计院编制安全仪表系统方案")
			.contains("id=\"delist\"").doesNotContain("id=\"list\"");
		String list = mvc.perform(get("/hazards/listings").with(as("putuo"))).andReturn().getResponse().getContentAsString();
		assertThat(list).contains(hazard.enterprise()).contains(hazard.description()).contains("区级").contains("李志刚（安全总监）")
			.contains(LocalDate.now().plusDays(45).toString()).contains("已委托设计院编制安全仪表系统方案");

		// refused on the page with the reason, nothing delisted
		MvcResult refused = mvc.perform(post("/hazards/{id}/listing/delisting", hazard.id()).with(as("putuo"))
			.with(csrf()).param("listingId", String.valueOf(listing.id()))).andReturn();
		assertThat(refused.getFlashMap().get("refused")).isEqualTo("隐患尚未复查销号，不能摘牌");
		// 浦东's officer does not find it
		assertThat(mvc.perform(get("/hazards/{id}/listing", hazard.id()).with(as("pudong"))).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(get("/hazards/listings").with(as("pudong"))).andReturn().getResponse().getContentAsString())
			.doesNotContain(hazard.enterprise());
	}

	@Test
	void theEnterpriseUserReportsProgressOnItsOwnListedHazardOnly() throws Exception {
		Found own = fixtures.rectifying("挂牌企业进展测试本厂", "液氯钢瓶库未设置泄漏吸收装置", true);
		Found other = fixtures.rectifying("挂牌企业进展测试他厂", "他厂重大隐患：甲类仓库超量储存", true);
		HazardListing ownListing = Acting.as("putuo", () -> supervision.list(own.id(), order(ListingLevel.DISTRICT)));
		HazardListing otherListing = Acting.as("putuo", () -> supervision.list(other.id(), order(ListingLevel.DISTRICT)));
		String qiye = fixtures.enterpriseUser(own.uscc());

		MvcResult reported = mvc.perform(post("/hazards/{id}/listing/progress", own.id()).with(as(qiye))
			.with(csrf()).param("listingId", String.valueOf(ownListing.id())).param("text", "吸收装置已订货，月底前安装"))
			.andReturn();
		assertThat(reported.getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + own.id() + "/listing");
		assertThat(reported.getFlashMap().get("done")).isEqualTo("已记录整改进展");
		List<HazardListing.ProgressReport> progress = Acting.as("putuo", () -> supervision.progress(ownListing.id()));
		assertThat(progress).singleElement().satisfies(p -> {
			assertThat(p.text()).isEqualTo("吸收装置已订货，月底前安装");
			assertThat(p.reportedBy()).isEqualTo(qiye);
			assertThat(p.byEnterprise()).isTrue();
		});
		String page = mvc.perform(get("/hazards/{id}/listing", own.id()).with(as(qiye))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("吸收装置已订货，月底前安装").contains("企业报告").contains("id=\"report\"")
			.doesNotContain("id=\"delist\"").doesNotContain("id=\"list\"");

		// another enterprise's listed hazard does not exist for this user, by page or by service
		assertThat(mvc.perform(get("/hazards/{id}/listing", other.id()).with(as(qiye))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
		assertThat(mvc.perform(post("/hazards/{id}/listing/progress", other.id()).with(as(qiye)).with(csrf())
			.param("listingId", String.valueOf(otherListing.id())).param("text", "越权进展")).andReturn().getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(mvc.perform(post("/hazards/{id}/listing/progress", own.id()).with(as(qiye)).with(csrf())
			.param("listingId", String.valueOf(otherListing.id())).param("text", "越权进展")).andReturn().getResponse()
			.getStatus()).as("another listing under its own hazard's address").isEqualTo(404);
		assertThatThrownBy(() -> Acting.as(qiye, () -> supervision.reportProgress(otherListing.id(), LocalDate.now(),
				"越权进展", null))).isInstanceOf(org.anjian.shared.NotFoundException.class);
		assertThat(Acting.as("putuo", () -> supervision.progress(otherListing.id()))).isEmpty();

		// nor does it list, delist, or see the list of listings
		assertThat(mvc.perform(post("/hazards/{id}/listing/delisting", own.id()).with(as(qiye)).with(csrf())
			.param("listingId", String.valueOf(ownListing.id()))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(mvc.perform(get("/hazards/listings").with(as(qiye))).andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(Acting.as("putuo", () -> supervision.listing(ownListing.id())).status()).isEqualTo(ListingStatus.LISTED);
	}
}
