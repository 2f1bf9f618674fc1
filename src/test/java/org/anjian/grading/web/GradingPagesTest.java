package org.anjian.grading.web;


import java.time.Clock;
import java.time.LocalDate;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.grading.AccidentLevel;
import org.anjian.grading.FactIntake;
import org.anjian.grading.FactKind;
import org.anjian.grading.RiskFact;
import org.anjian.grading.RiskPortrait;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** The grading pages and REST as officers and administrators meet them. */
@SpringBootTest
@AutoConfigureMockMvc
class GradingPagesTest {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	FactIntake intake;

	@Autowired
	RiskPortrait portraits;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String gradedChemicalStore(String district, String street, String name) {
		String uscc = asSystem(() -> registry.register(TestEnterprises.chemicalStore(district, street, name)).uscc());
		asSystem(() -> intake.record(RiskFact.accident(uscc, LocalDate.now(clock).minusMonths(2), AccidentLevel.GENERAL, 0,
				2, null)));
		asSystem(() -> intake.record(RiskFact.of(uscc, FactKind.MAJOR_HAZARD, LocalDate.now(clock).minusDays(5), null)));
		return uscc;
	}

	@Test
	void thePortraitShowsEveryPointAndTheirSumIsTheScore() {
		String uscc = gradedChemicalStore("310107", "310107102", "上海长征危化仓储有限公司");
		RiskPortrait.Portrait portrait = asSystem(() -> portraits.of(uscc)).orElseThrow();

		var page = assertThat(mvc.get().uri("/enterprises/{u}/portrait", uscc).with(as("putuo"))).hasStatusOk().bodyText();

		assertThat(portrait.linesTotal()).isEqualByComparingTo(portrait.score());
		page.contains("id=\"breakdown\"", portrait.grade().label(), "存在未整改的重大事故隐患", "什么会改变等级");
		for (RiskPortrait.Line line : portrait.lines()) {
			page.contains(line.label(), line.points().toPlainString());
		}
		page.contains("行业领域：危险化学品", "三级重大危险源", "一般事故 " + LocalDate.now(clock).minusMonths(2) + " 受伤2人");
	}

	@Test
	void anOfficerOfAnotherDistrictSeesNoPortraitAndTheDashboardStaysInTheDistrict() {
		String pudong = gradedChemicalStore("310115", "310115104", "上海高桥危化储运有限公司");
		gradedChemicalStore("310107", "310107102", "上海长征化工原料有限公司");

		assertThat(mvc.get().uri("/api/enterprises/{u}/portrait", pudong).with(as("putuo")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/grading").with(as("putuo"))).hasStatusOk()
			.bodyText()
			.contains("普陀区")
			.doesNotContain("浦东新区");
		assertThat(mvc.get().uri("/grading").with(as("city"))).hasStatusOk().bodyText().contains("普陀区", "浦东新区");
	}

	@Test
	void aFactPostedThroughTheApiRegradesAtOnceAndBadCodesAreRefused() {
		String uscc = asSystem(() -> registry
			.register(TestEnterprises.smallWorkshop("310107", "310107102", "上海长征钣金厂"))
			.uscc());

		assertThat(mvc.post().uri("/api/enterprises/{u}/facts", uscc).with(as("putuo")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"ACCIDENT\", \"occurredOn\": \"" + LocalDate.now(clock) + "\", \"accidentLevel\": \"GENERAL\", \"deaths\": 1}"))
			.hasStatus(HttpStatus.CREATED)
			.bodyJson()
			.extractingPath("$.assessment.grade")
			.isEqualTo("A");
		assertThat(mvc.post().uri("/api/enterprises/{u}/facts", uscc.substring(0, 17) + (uscc.endsWith("0") ? "1" : "0")).with(as("putuo")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"ALARM\", \"occurredOn\": \"" + LocalDate.now(clock) + "\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST);
		assertThat(mvc.post().uri("/api/enterprises/{u}/facts", uscc).with(as("putuo")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"ACCIDENT\", \"occurredOn\": \"" + LocalDate.now(clock) + "\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("事故等级");
		// issue 15, build item 7: a penalty enters the grade from its case's decision, never typed by hand
		assertThat(mvc.post().uri("/api/enterprises/{u}/facts", uscc).with(as("putuo")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"kind\": \"PENALTY\", \"occurredOn\": \"" + LocalDate.now(clock) + "\", \"amount\": 30000}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("处罚案件作出决定时自动记入");
	}

	@Test
	void theEnterpriseListFiltersByGrade() {
		String uscc = asSystem(() -> registry
			.register(TestEnterprises.smallWorkshop("310107", "310107102", "上海长征等级筛选测试厂"))
			.uscc());
		asSystem(() -> intake.record(RiskFact.accident(uscc, LocalDate.now(clock), AccidentLevel.GENERAL, 1, 0, null)));

		assertThat(mvc.get().uri("/api/enterprises?q=等级筛选测试&grade=A").with(as("putuo"))).hasStatusOk()
			.bodyText()
			.contains(uscc);
		assertThat(mvc.get().uri("/api/enterprises?q=等级筛选测试&grade=D").with(as("putuo"))).hasStatusOk()
			.bodyText()
			.doesNotContain(uscc);
		assertThat(mvc.get().uri("/enterprises?q=等级筛选测试&grade=A").with(as("putuo"))).hasStatusOk()
			.bodyText()
			.contains("上海长征等级筛选测试厂");
		assertThat(mvc.get().uri("/api/enterprises?grade=E").with(as("putuo"))).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("风险等级应为 A、B、C 或 D");
	}

	@Test
	void officersKeepTheWatchListWithReasons() {
		String uscc = asSystem(() -> registry
			.register(TestEnterprises.smallWorkshop("310107", "310107102", "上海长征喷涂厂"))
			.uscc());

		assertThat(mvc.post().uri("/watch-list").with(as("putuo")).with(csrf()).param("uscc", uscc).param("reason", ""))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("请填写列入不放心企业名单的理由");
		assertThat(mvc.post().uri("/watch-list").with(as("putuo")).with(csrf()).param("uscc", uscc)
			.param("reason", "群众多次反映夜间违规喷涂作业")).hasStatus(HttpStatus.FOUND);
		assertThat(mvc.get().uri("/watch-list").with(as("putuo"))).hasStatusOk()
			.bodyText()
			.contains("上海长征喷涂厂", "群众多次反映夜间违规喷涂作业");
		assertThat(mvc.get().uri("/watch-list").with(as("pudong"))).hasStatusOk()
			.bodyText()
			.doesNotContain("上海长征喷涂厂");
	}

	@Autowired
	org.anjian.grading.internal.ScoringPolicies policies;

	@Autowired
	Clock clock;

	/** The policy form as the page posts it, with every figure of {@code policy}. */
	static org.springframework.util.LinkedMultiValueMap<String, String> form(org.anjian.grading.internal.ScoringPolicy policy) {
		var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
		form.add("threshold_a", policy.thresholds().a().toPlainString());
		form.add("threshold_b", policy.thresholds().b().toPlainString());
		form.add("threshold_c", policy.thresholds().c().toPlainString());
		policy.items().forEach((item, points) -> form.add("item:" + item, points.toPlainString()));
		policy.factors().forEach((kind, f) -> {
			String p = "factor:" + kind + ":";
			form.add(p + "each", f.each().toPlainString());
			form.add(p + "perDeath", f.perDeath().toPlainString());
			form.add(p + "perInjury", f.perInjury().toPlainString());
			form.add(p + "perTenThousandYuan", f.perTenThousandYuan().toPlainString());
			form.add(p + "windowMonths", String.valueOf(f.windowMonths()));
			form.add(p + "decayFloor", f.decayFloor().toPlainString());
			form.add(p + "cap", f.cap() == null ? "" : f.cap().toPlainString());
		});
		policy.overrides().forEach(o -> {
			form.add("override:" + o.kind() + ":grade", o.grade().name());
			form.add("override:" + o.kind() + ":windowMonths", o.windowMonths() == null ? "" : o.windowMonths().toString());
		});
		return form;
	}

	@Test
	void anAdministratorRevisesADraftOnItsPageAndBadFiguresAreRefusedBesideNothingSaved() {
		var drafted = mvc.post().uri("/admin/scoring/drafts").with(as("admin")).with(csrf()).param("note", "页面修订").exchange();
		assertThat(drafted).hasStatus(HttpStatus.FOUND);
		String location = drafted.getResponse().getRedirectedUrl();
		int version = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));
		org.anjian.grading.internal.ScoringPolicy active = policies.active();

		var bad = form(active);
		bad.set("threshold_c", "十五");
		assertThat(mvc.post().uri("/admin/scoring/{v}", version).with(as("admin")).with(csrf()).params(bad))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("“十五”不是数字");

		var lower = form(active);
		lower.set("threshold_c", "12.5");
		assertThat(mvc.post().uri("/admin/scoring/{v}", version).with(as("admin")).with(csrf()).params(lower))
			.hasStatus(HttpStatus.FOUND);
		assertThat(policies.version(version).thresholds().c()).isEqualByComparingTo("12.5");
		assertThat(policies.version(version).factors()).isEqualTo(active.factors());

		// leave the draft as the active figures, so that no other test activates a different policy by chance
		assertThat(mvc.post().uri("/admin/scoring/{v}", version).with(as("admin")).with(csrf()).params(form(active)))
			.hasStatus(HttpStatus.FOUND);
	}

	@Test
	void onlyAdministratorsSeeTheScoringPolicyPages() {
		assertThat(mvc.get().uri("/admin/scoring").with(as("admin"))).hasStatusOk()
			.bodyText()
			.contains("第1版", "初始评分规则");
		assertThat(mvc.get().uri("/admin/scoring/1").with(as("admin"))).hasStatusOk()
			.bodyText()
			.contains("生产安全事故", "行业领域：危险化学品", "至少A级");
		assertThat(mvc.get().uri("/admin/scoring").with(as("putuo"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/admin/scoring-policies/drafts").with(as("putuo")).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
	}
}
