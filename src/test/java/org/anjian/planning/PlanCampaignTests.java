package org.anjian.planning;

import java.math.BigDecimal;
import java.util.List;

import org.anjian.TestYears;
import org.anjian.grading.Grade;
import org.anjian.planning.internal.Campaign;
import org.anjian.planning.internal.CampaignForm;
import org.anjian.planning.internal.PlanCampaigns;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Special campaigns (专项检查) of a plan and how composition applies them, on 嘉定区 (310114), whose workshops
 * made here are industry-and-trade, industry code 34, with the confined-space tag. Each test plans its own year.
 */
@SpringBootTest
class PlanCampaignTests {

	static final String JIADING = "310114";
	static final String NANXIANG = "310114102";
	static final String ANTING = "310114103";

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	PlanCampaigns campaigns;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanFixtures fixtures;

	long district;

	@BeforeEach
	void setUp() {
		district = fixtures.body(JIADING);
	}

	/** No B, C or general draws unless a test asks for them: only what the rules under test plan. */
	static PlanSettings rates(String b, String general) {
		return new PlanSettings(new BigDecimal("0.15"), new BigDecimal(b), BigDecimal.ZERO, new BigDecimal(general),
				new BigDecimal("31"), new BigDecimal("50"));
	}

	AnnualPlan open(int year, PlanSettings settings) {
		return asSystem(() -> planning.open(district, year, settings, "test"));
	}

	static CampaignForm form(String name, List<String> sectors, List<String> prefixes, List<String> tags,
			List<String> streets, Integer starts, Integer ends, List<String> matters) {
		return new CampaignForm(name, sectors, prefixes, tags, streets, starts, ends, matters);
	}

	static CampaignForm confinedSpaces(String name, String matter) {
		return form(name, List.of(), List.of(), List.of("CONFINED_SPACE"), List.of(), 3, 5, List.of(matter));
	}

	List<PlanItem> itemsOf(AnnualPlan plan, String uscc) {
		return asSystem(() -> planning.items(plan.id())).stream().filter(i -> i.uscc().equals(uscc)).toList();
	}

	@Test
	void plansAnUnplannedMatchingEnterpriseAsATargetedCheckOfTheCampaign() {
		String uscc = fixtures.districtUnit(JIADING, NANXIANG, "嘉定专项测试有限空间五金厂", Grade.D, false, null);
		AnnualPlan plan = open(TestYears.fresh(), rates("0", "0"));
		Campaign campaign = asSystem(() -> campaigns.add(plan.id(), confinedSpaces("有限空间专项", "有限空间作业审批")));

		PlanComposition.Composition c = asSystem(() -> composition.compose(plan.id()));

		assertThat(itemsOf(plan, uscc)).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ItemKind.TARGETED);
			assertThat(i.purpose()).isEqualTo("专项检查：有限空间专项");
			assertThat(i.campaignId()).isEqualTo(campaign.id());
			assertThat(i.matters()).startsWith("安全生产责任制落实").endsWith("有限空间作业安全", "有限空间作业审批");
		});
		assertThat(c.campaign()).isGreaterThanOrEqualTo(1);
		assertThat(asSystem(() -> campaigns.campaigns(plan.id()))).singleElement()
			.satisfies(k -> assertThat(k.items()).isEqualTo(c.campaign() + c.campaignExtended()));
	}

	@Test
	void appendsEachCampaignsMattersToAnAlreadyPlannedKeyUnitOnceAndTheFirstCampaignClaimsIt() {
		String keyUnit = fixtures.districtUnit(JIADING, NANXIANG, "嘉定专项测试重点单位冷库", Grade.D, true, null);
		AnnualPlan plan = open(TestYears.fresh(), rates("0", "0"));
		Campaign first = asSystem(() -> campaigns.add(plan.id(), confinedSpaces("有限空间专项", "有限空间作业安全")));
		asSystem(() -> campaigns.add(plan.id(), form("工贸行业专项", List.of("INDUSTRY_TRADE"), List.of("34"), List.of(),
				List.of(NANXIANG), 6, 8, List.of("安全生产教育培训", "特种作业人员持证"))));

		PlanComposition.Composition c = asSystem(() -> composition.compose(plan.id()));

		assertThat(itemsOf(plan, keyUnit)).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ItemKind.KEY_UNIT);
			assertThat(i.campaignId()).isEqualTo(first.id());
			assertThat(i.matters()).doesNotHaveDuplicates().endsWith("特种作业人员持证");
		});
		assertThat(c.campaignExtended()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void targetsOnlyEnterprisesThatMeetEveryNonEmptyCondition() {
		String nanxiang = fixtures.districtUnit(JIADING, NANXIANG, "嘉定专项测试南翔机加工厂", Grade.D, false, null);
		String anting = fixtures.districtUnit(JIADING, ANTING, "嘉定专项测试安亭机加工厂", Grade.D, false, null);
		AnnualPlan plan = open(TestYears.fresh(), rates("0", "0"));
		asSystem(() -> campaigns.add(plan.id(), form("南翔工贸专项", List.of("INDUSTRY_TRADE"), List.of("3"),
				List.of("CONFINED_SPACE", "DUST_EXPLOSION"), List.of(NANXIANG), 1, 12, List.of("设备设施专项检查"))));
		asSystem(() -> campaigns.add(plan.id(), form("危化专项", List.of("HAZCHEM"), List.of(), List.of(), List.of(), 1,
				12, List.of("危险化学品专项检查"))));
		asSystem(() -> campaigns.add(plan.id(), form("其他行业专项", List.of(), List.of("26"), List.of(), List.of(), 1, 12,
				List.of("化工原料专项检查"))));

		asSystem(() -> composition.compose(plan.id()));

		assertThat(itemsOf(plan, nanxiang)).singleElement()
			.satisfies(i -> assertThat(i.purpose()).isEqualTo("专项检查：南翔工贸专项"));
		assertThat(itemsOf(plan, anting)).isEmpty();
	}

	@Test
	void anIndustryPrefixNamesASectionADivisionOrTheDivisionWithItsSection() {
		java.util.function.Function<String, Campaign> prefix = p -> new Campaign(1, 1, "行业专项", List.of(), List.of(p),
				List.of(), List.of(), 1, 12, List.of("事项"), "test", java.time.Instant.now(), 0);
		for (String p : List.of("C", "C3", "C34", "3", "34")) {
			assertThat(prefix.apply(p).targets("INDUSTRY_TRADE", "C", "34", java.util.Set.of(), NANXIANG)).as(p).isTrue();
		}
		for (String p : List.of("B", "C26", "26", "4")) {
			assertThat(prefix.apply(p).targets("INDUSTRY_TRADE", "C", "34", java.util.Set.of(), NANXIANG)).as(p).isFalse();
		}
		assertThat(prefix.apply("C").targets("INDUSTRY_TRADE", null, null, java.util.Set.of(), NANXIANG)).isFalse();
	}

	@Test
	void leavesSelfSupervisedGroupUnitsOutOfCampaigns() {
		String grouped = fixtures.districtUnit(JIADING, NANXIANG, "嘉定专项测试集团自查子公司", Grade.D, false,
				"嘉定专项测试集团有限公司");
		fixtures.groupSupervises(grouped);
		AnnualPlan plan = open(TestYears.fresh(), rates("0", "0"));
		asSystem(() -> campaigns.add(plan.id(), confinedSpaces("有限空间专项", "有限空间作业审批")));

		asSystem(() -> composition.compose(plan.id()));

		assertThat(itemsOf(plan, grouped)).isEmpty();
	}

	@Test
	void campaignItemsComeBeforeTheDrawsAndCountAgainstTheCapacity() {
		String gradeB = fixtures.districtUnit(JIADING, ANTING, "嘉定专项测试B级铸造厂", Grade.B, false, null);
		AnnualPlan plan = open(TestYears.fresh(), rates("1", "1"));
		asSystem(() -> campaigns.add(plan.id(), form("安亭专项", List.of(), List.of(), List.of(), List.of(ANTING), 4, 4,
				List.of("有限空间作业审批"))));

		PlanComposition.Composition c = asSystem(() -> composition.compose(plan.id()));

		assertThat(itemsOf(plan, gradeB)).singleElement().satisfies(i -> {
			assertThat(i.purpose()).isEqualTo("专项检查：安亭专项");
			assertThat(i.drawId()).isNull();
		});
		long drawn = asSystem(() -> jdbc.sql("""
				select count(*) from plan_draw_result r join plan_draw d on d.id = r.draw_id
				where d.plan_id = :plan and r.uscc = :uscc""").param("plan", plan.id()).param("uscc", gradeB)
			.query(Long.class).single());
		assertThat(drawn).isZero();
		assertThat(c.counted()).isEqualTo(c.keyUnits() + c.targeted() + c.campaign() + c.general());
	}

	@Test
	void refusesInvalidCampaignsAndKeepsNothingOfThem() {
		AnnualPlan plan = open(TestYears.fresh(), rates("0", "0"));
		List<CampaignForm> invalid = List.of(
				form(" ", List.of(), List.of(), List.of(), List.of(), 1, 2, List.of("事项")),
				form("月份", List.of(), List.of(), List.of(), List.of(), 0, 2, List.of("事项")),
				form("月份", List.of(), List.of(), List.of(), List.of(), 1, 13, List.of("事项")),
				form("月份", List.of(), List.of(), List.of(), List.of(), 6, 5, List.of("事项")),
				form("事项", List.of(), List.of(), List.of(), List.of(), 1, 2, List.of(" ")),
				form("行业", List.of("MINING"), List.of(), List.of(), List.of(), 1, 2, List.of("事项")),
				form("标签", List.of(), List.of(), List.of("FLOOD"), List.of(), 1, 2, List.of("事项")),
				form("前缀", List.of(), List.of("3-4"), List.of(), List.of(), 1, 2, List.of("事项")),
				form("街镇", List.of(), List.of(), List.of(), List.of("310112102"), 1, 2, List.of("事项")));
		for (CampaignForm form : invalid) {
			assertThatThrownBy(() -> asSystem(() -> campaigns.add(plan.id(), form)))
				.as(form.toString()).isInstanceOf(InvalidInputException.class)
				.hasMessageMatching(".*[\\u4e00-\\u9fa5].*");
		}
		asSystem(() -> campaigns.add(plan.id(), confinedSpaces("重名", "事项")));
		assertThatThrownBy(() -> asSystem(() -> campaigns.add(plan.id(), confinedSpaces("重名", "事项"))))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("重名");
		assertThat(asSystem(() -> campaigns.campaigns(plan.id()))).extracting(Campaign::name).containsExactly("重名");
	}

	@Test
	void aPublishedPlanRefusesToAddOrRemoveCampaigns() {
		fixtures.districtUnit(JIADING, NANXIANG, "嘉定专项测试发布后不变厂", Grade.A, false, null);
		AnnualPlan plan = open(TestYears.fresh(), rates("0", "0"));
		Campaign campaign = asSystem(() -> campaigns.add(plan.id(), confinedSpaces("有限空间专项", "有限空间作业审批")));
		asSystem(() -> composition.compose(plan.id()));
		asSystem(() -> planning.submit(plan.id(), null));
		asSystem(() -> planning.approve(plan.id(), "leader", null));
		asSystem(() -> planning.publish(plan.id(), null));

		assertThatThrownBy(() -> asSystem(() -> campaigns.add(plan.id(), confinedSpaces("发布后专项", "事项"))))
			.isInstanceOf(InvalidTransitionException.class).hasMessageContaining("已发布");
		assertThatThrownBy(() -> asSystem(() -> {
			campaigns.remove(plan.id(), campaign.id());
			return null;
		})).isInstanceOf(InvalidTransitionException.class);
		assertThat(asSystem(() -> campaigns.campaigns(plan.id()))).hasSize(1);
	}

	@Test
	void removingACampaignFromADraftTakesAwayTheItemsItMade() {
		String uscc = fixtures.districtUnit(JIADING, ANTING, "嘉定专项测试撤销专项厂", Grade.D, false, null);
		AnnualPlan plan = open(TestYears.fresh(), rates("0", "0"));
		Campaign campaign = asSystem(() -> campaigns.add(plan.id(), confinedSpaces("临时专项", "有限空间作业审批")));
		asSystem(() -> composition.compose(plan.id()));
		assertThat(itemsOf(plan, uscc)).hasSize(1);

		asSystem(() -> {
			campaigns.remove(plan.id(), campaign.id());
			return null;
		});

		assertThat(itemsOf(plan, uscc)).isEmpty();
		assertThat(asSystem(() -> campaigns.campaigns(plan.id()))).isEmpty();
	}
}
