package org.anjian.planning;

import java.math.BigDecimal;
import java.util.List;

import org.anjian.TestYears;
import org.anjian.grading.Grade;
import org.anjian.planning.internal.PlanAmendments;
import org.anjian.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Composition by the rules of the seeds, on 闵行区 (310112) and the city corps, with enterprises made for each
 * test among the demo city's. Every test plans its own year, since a body has one plan a year.
 */
@SpringBootTest
class PlanCompositionTests {

	static final String MINHANG = "310112";
	static final String STREET = "310112102";

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	PlanAmendments amendments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanFixtures fixtures;

	long district;

	@BeforeEach
	void setUp() {
		district = fixtures.body(MINHANG);
	}

	static PlanSettings rates(String b, String c, String general) {
		return new PlanSettings(new BigDecimal("0.15"), new BigDecimal(b), new BigDecimal(c), new BigDecimal(general),
				new BigDecimal("31"), new BigDecimal("50"));
	}

	AnnualPlan composed(long body, int year, PlanSettings settings) {
		AnnualPlan plan = asSystem(() -> planning.open(body, year, settings, "test"));
		asSystem(() -> composition.compose(plan.id()));
		return plan;
	}

	List<PlanItem> itemsOf(AnnualPlan plan, String uscc) {
		return asSystem(() -> planning.items(plan.id())).stream().filter(i -> i.uscc().equals(uscc)).toList();
	}

	@Test
	void eachKeyUnitOfTheBodyIsPlannedExactlyOnceEvenWhenItsGradeWouldAlsoTargetIt() {
		String keyUnit = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试重点单位机械厂", Grade.A, true, null);
		String plainKey = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试重点单位铸件厂", Grade.D, true, null);

		AnnualPlan plan = composed(district, TestYears.fresh(), rates("1", "1", "1"));

		assertThat(itemsOf(plan, keyUnit)).singleElement().extracting(PlanItem::kind).isEqualTo(ItemKind.KEY_UNIT);
		assertThat(itemsOf(plan, plainKey)).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ItemKind.KEY_UNIT);
			assertThat(i.matters()).contains("有限空间作业安全", "工贸企业设备设施安全管理");
		});
		List<PlanItem> all = asSystem(() -> planning.items(plan.id()));
		assertThat(all).extracting(PlanItem::uscc).doesNotHaveDuplicates();
	}

	@Test
	void targetedChecksFollowTheGradePolicyAndGradeDIsLeftToTheGeneralDraw() {
		String a = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试A级冲压厂", Grade.A, false, null);
		String b = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试B级喷涂厂", Grade.B, false, null);
		String c = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试C级焊接厂", Grade.C, false, null);
		String d = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试D级装配厂", Grade.D, false, null);

		// B all sampled, C none, no general draw
		AnnualPlan plan = composed(district, TestYears.fresh(), rates("1", "0", "0"));

		assertThat(itemsOf(plan, a)).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ItemKind.TARGETED);
			assertThat(i.purpose()).isEqualTo("A级全量体检");
		});
		assertThat(itemsOf(plan, b)).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ItemKind.TARGETED);
			assertThat(i.purpose()).isEqualTo("B级重点抽查");
			assertThat(i.drawId()).isNotNull();
		});
		assertThat(itemsOf(plan, c)).isEmpty();
		assertThat(itemsOf(plan, d)).isEmpty();

		// C assistance visits all, B none
		AnnualPlan other = composed(district, TestYears.fresh(), rates("0", "1", "0"));
		assertThat(itemsOf(other, b)).isEmpty();
		assertThat(itemsOf(other, c)).singleElement().extracting(PlanItem::purpose).isEqualTo("C级主动帮扶");
		assertThat(itemsOf(other, d)).isEmpty();
	}

	@Test
	void anEnterpriseOfASelfSupervisingGroupIsLeftOutOfTargetedChecksUnlessItIsAKeyUnit() {
		String member = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试集团自管A级子公司", Grade.A, false, "闵行测试自管集团");
		String assisted = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试集团自管C级子公司", Grade.C, false, "闵行测试自管集团");
		String keyMember = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试集团自管重点子公司", Grade.A, true, "闵行测试自管集团");
		String lone = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试无集团A级厂", Grade.A, false, null);
		for (String uscc : List.of(member, assisted, keyMember)) {
			fixtures.groupSupervises(uscc);
		}

		AnnualPlan plan = composed(district, TestYears.fresh(), rates("1", "1", "0.01"));

		assertThat(itemsOf(plan, member)).isEmpty();
		assertThat(itemsOf(plan, assisted)).isEmpty();
		assertThat(itemsOf(plan, keyMember)).singleElement().extracting(PlanItem::kind).isEqualTo(ItemKind.KEY_UNIT);
		assertThat(itemsOf(plan, lone)).singleElement().extracting(PlanItem::kind).isEqualTo(ItemKind.TARGETED);
		// still in the general draw's candidates, like any enterprise
		String candidates = asSystem(() -> jdbc.sql("select candidates from plan_draw where plan_id = :p and purpose = 'GENERAL'")
			.param("p", plan.id()).query(String.class).single());
		assertThat(candidates).contains(member + ",").contains(assisted + ",");
	}

	@Test
	void aPlanHoldsOnlyTheEnterprisesItsBodySupervises() {
		String street = fixtures.streetUnit(MINHANG, STREET, "闵行计划测试街镇监管小作坊");
		String own = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试区监管A级厂", Grade.A, false, null);

		AnnualPlan plan = composed(district, TestYears.fresh(), rates("1", "1", "1"));

		assertThat(itemsOf(plan, street)).isEmpty();
		assertThat(itemsOf(plan, own)).hasSize(1);
		long foreign = asSystem(() -> jdbc.sql("""
				select count(*) from plan_item i join enterprise e on e.uscc = i.uscc
				where i.plan_id = :p and e.supervising_body_id <> :body""")
			.param("p", plan.id()).param("body", district).query(Long.class).single());
		assertThat(foreign).isZero();
		String candidates = asSystem(() -> jdbc.sql("select string_agg(candidates, '') from plan_draw where plan_id = :p")
			.param("p", plan.id()).query(String.class).single());
		assertThat(candidates).doesNotContain(street);
	}

	@Test
	void anEnterpriseIsPlannedASecondTimeOnlyWithAReasonAndNeverAThirdTime() {
		String uscc = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试两次检查厂", Grade.A, false, null);
		AnnualPlan plan = composed(district, TestYears.fresh(), rates("0", "0", "0"));

		assertThatThrownBy(() -> asSystem(() -> amendments.addSecondInspection(plan.id(), uscc, " ")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("理由");
		PlanItem second = asSystem(() -> amendments.addSecondInspection(plan.id(), uscc, "上半年检查发现重大隐患，下半年复查"));
		assertThat(second.sequence()).isEqualTo(2);
		assertThat(second.secondReason()).isEqualTo("上半年检查发现重大隐患，下半年复查");
		assertThatThrownBy(() -> asSystem(() -> amendments.addSecondInspection(plan.id(), uscc, "再查一次")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("两次");
		assertThat(itemsOf(plan, uscc)).extracting(PlanItem::sequence).containsExactly(1, 2);
	}

	@Test
	void aCitySpotCheckOfADistrictUnitIsInBothPlansCountedOnceAndLeftOutOfTheDistrictDraw() {
		String unit = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试督导抽查厂", Grade.D, false, null);
		int year = TestYears.fresh();
		AnnualPlan city = asSystem(() -> planning.open(fixtures.body("310000"), year, rates("0", "0", "0"), "test"));
		PlanItem spot = asSystem(() -> amendments.addSpotCheck(city.id(), unit, null));
		assertThat(spot.joint()).isTrue();

		AnnualPlan plan = composed(district, year, rates("0", "0", "1"));

		assertThat(itemsOf(city, unit)).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ItemKind.SPOT_CHECK);
			assertThat(i.counted()).isTrue();
		});
		assertThat(itemsOf(plan, unit)).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ItemKind.SPOT_CHECK);
			assertThat(i.jointOf()).isEqualTo(spot.id());
			assertThat(i.counted()).isFalse();
		});
		long counted = asSystem(() -> jdbc.sql("select count(*) from plan_item where year = :y and uscc = :u and joint_of is null")
			.param("y", year).param("u", unit).query(Long.class).single());
		assertThat(counted).isEqualTo(1);
		String candidates = asSystem(() -> jdbc.sql("select string_agg(candidates, '') from plan_draw where plan_id = :p")
			.param("p", plan.id()).query(String.class).single());
		assertThat(candidates).isNotEmpty().doesNotContain(unit);
		assertThat(asSystem(() -> planning.inspectionsCounted(year)))
			.isEqualTo(asSystem(() -> planning.items(city.id()).size() + planning.items(plan.id()).size() - 1L));
	}

	@Test
	void withdrawingACitySpotCheckTakesItOutOfTheDistrictPlanToo() {
		String unit = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试撤回督导抽查厂", Grade.D, false, null);
		int year = TestYears.fresh();
		AnnualPlan city = asSystem(() -> planning.open(fixtures.body("310000"), year, rates("0", "0", "0"), "test"));
		PlanItem spot = asSystem(() -> amendments.addSpotCheck(city.id(), unit, null));
		AnnualPlan plan = composed(district, year, rates("0", "0", "0"));
		assertThat(itemsOf(plan, unit)).hasSize(1);

		asSystem(() -> {
			amendments.withdraw(city.id(), spot.id(), null);
			return null;
		});

		assertThat(itemsOf(city, unit)).isEmpty();
		assertThat(itemsOf(plan, unit)).isEmpty();
	}

	@Test
	void aCitySpotCheckAddedAfterTheDistrictComposedSharesTheDistrictsItemInsteadOfPlanningTwice() {
		String unit = fixtures.districtUnit(MINHANG, STREET, "闵行计划测试后加督导抽查厂", Grade.A, false, null);
		int year = TestYears.fresh();
		AnnualPlan plan = composed(district, year, rates("0", "0", "0"));
		AnnualPlan city = asSystem(() -> planning.open(fixtures.body("310000"), year, rates("0", "0", "0"), "test"));

		PlanItem spot = asSystem(() -> amendments.addSpotCheck(city.id(), unit, null));

		assertThat(itemsOf(plan, unit)).singleElement().satisfies(i -> {
			assertThat(i.kind()).isEqualTo(ItemKind.TARGETED);
			assertThat(i.jointOf()).isEqualTo(spot.id());
		});
	}

	@Test
	void theCityCannotSpotCheckAUnitItSupervisesItselfNorAStreetUnit() {
		String street = fixtures.streetUnit(MINHANG, STREET, "闵行计划测试督导街镇小厂");
		AnnualPlan city = asSystem(
				() -> planning.open(fixtures.body("310000"), TestYears.fresh(), rates("0", "0", "0"), "test"));
		assertThatThrownBy(() -> asSystem(() -> amendments.addSpotCheck(city.id(), street, null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("区级监管");
	}
}
