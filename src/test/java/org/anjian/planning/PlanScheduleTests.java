package org.anjian.planning;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.anjian.TestYears;
import org.anjian.grading.Grade;
import org.anjian.planning.internal.PublicDraws;
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

/** The schedule (排期) of 普陀区's plans: its officers are 刘洋 and 赵磊 (lead inspectors), 孙丽 and 周涛. */
@SpringBootTest
class PlanScheduleTests {

	static final String PUTUO = "310107";

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	PlanSchedule schedule;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanFixtures fixtures;

	long putuo;

	@BeforeEach
	void setUp() {
		putuo = fixtures.body(PUTUO);
	}

	record Row(String uscc, Integer month, LocalDate day, Long lead, Long second, boolean leadCertified) {
	}

	List<Row> rows(long plan) {
		return asSystem(() -> jdbc.sql("""
				select i.uscc, i.planned_month, i.planned_on, i.lead_officer_id, i.second_officer_id,
				       coalesce('LEAD_INSPECTOR' = any(o.certifications), false)
				from plan_item i left join officer o on o.id = i.lead_officer_id where i.plan_id = :plan""")
			.param("plan", plan)
			.query((rs, n) -> new Row(rs.getString(1), (Integer) rs.getObject(2),
					rs.getDate(3) == null ? null : rs.getDate(3).toLocalDate(), (Long) rs.getObject(4),
					(Long) rs.getObject(5), rs.getBoolean(6)))
			.list());
	}

	/**
	 * A year of its own whose previous year no test plans either: the schedule keeps officers away from the
	 * enterprises they inspected in the body's plan of the previous year, which would otherwise be another test's.
	 */
	static int yearAfterAnUnplannedOne() {
		TestYears.fresh();
		return TestYears.fresh();
	}

	AnnualPlan scheduled(int year, PlanSettings settings) {
		AnnualPlan plan = asSystem(() -> planning.open(putuo, year, settings, "test"));
		asSystem(() -> composition.compose(plan.id()));
		asSystem(() -> schedule.schedule(plan.id()));
		return plan;
	}

	@Test
	void everyItemGetsAMonthADayOfTheYearAndTwoDistinctOfficersLedByALeadInspectorWithinDailyCapacity() {
		fixtures.districtUnit(PUTUO, "310107102", "普陀排期测试重点单位五金厂", Grade.D, true, null);
		int year = yearAfterAnUnplannedOne();
		AnnualPlan plan = scheduled(year, new PlanSettings(null, new BigDecimal("1"), new BigDecimal("1"),
				new BigDecimal("0.2"), new BigDecimal("20"), new BigDecimal("1")));

		List<Row> rows = rows(plan.id());
		assertThat(rows).isNotEmpty().allSatisfy(r -> {
			assertThat(r.month()).isBetween(1, 12);
			assertThat(r.day().getYear()).isEqualTo(year);
			assertThat(r.day().getMonthValue()).isEqualTo(r.month());
			assertThat(r.lead()).isNotNull().isNotEqualTo(r.second());
			assertThat(r.second()).isNotNull();
			assertThat(r.leadCertified()).as("the lead holds the lead-inspector certification").isTrue();
		});
		// one inspection per officer-day at most, as the settings say; at most 20 days a month per officer
		Map<String, Long> perOfficerDay = new java.util.HashMap<>();
		Map<String, java.util.Set<LocalDate>> daysPerOfficerMonth = new java.util.HashMap<>();
		for (Row r : rows) {
			for (Long officer : List.of(r.lead(), r.second())) {
				perOfficerDay.merge(officer + "@" + r.day(), 1L, Long::sum);
				daysPerOfficerMonth.computeIfAbsent(officer + "@" + r.month(), k -> new java.util.HashSet<>()).add(r.day());
			}
		}
		assertThat(perOfficerDay.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(1L));
		assertThat(daysPerOfficerMonth.values()).allSatisfy(d -> assertThat(d).hasSizeLessThanOrEqualTo(20));
		// spread over the months: no month has more than its even share plus one
		Map<Integer, Long> byMonth = new java.util.TreeMap<>();
		rows.forEach(r -> byMonth.merge(r.month(), 1L, Long::sum));
		assertThat(byMonth.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(rows.size() / 12 + 1));

		Map<Long, PlanSchedule.Assignment> assignments = asSystem(() -> schedule.assignments(plan.id()));
		assertThat(assignments).hasSize(rows.size());
		assertThat(assignments.values()).allSatisfy(a -> assertThat(a.leadName()).isNotBlank());
	}

	@Test
	void officersWhoInspectedAnEnterpriseLastYearAreNotSentAgain() {
		PlanSettings roomy = new PlanSettings(null, new BigDecimal("0.3"), new BigDecimal("0.1"), new BigDecimal("0.1"),
				new BigDecimal("31"), new BigDecimal("50"));
		int lastYear = yearAfterAnUnplannedOne();
		int year = TestYears.fresh();
		assertThat(year).as("two years in a row").isEqualTo(lastYear + 1);
		AnnualPlan last = scheduled(lastYear, roomy);
		AnnualPlan plan = asSystem(() -> planning.open(putuo, year, roomy, "test"));
		asSystem(() -> composition.compose(plan.id()));
		PlanSchedule.Result result = asSystem(() -> schedule.schedule(plan.id()));

		assertThat(result.rotationConflicts()).isZero();
		Map<String, Row> before = new java.util.HashMap<>();
		rows(last.id()).forEach(r -> before.put(r.uscc(), r));
		List<Row> again = rows(plan.id()).stream().filter(r -> before.containsKey(r.uscc())).toList();
		assertThat(again).isNotEmpty().allSatisfy(r -> {
			Row earlier = before.get(r.uscc());
			assertThat(List.of(r.lead(), r.second())).doesNotContain(earlier.lead(), earlier.second());
		});
	}

	@Test
	void keepsConflictsOfInterestAbsencesHolidaysAndCampaignMonthsAndSendsOnlyTheDrawnTeams() {
		PlanSettings roomy = new PlanSettings(null, new BigDecimal("0.3"), new BigDecimal("0.1"), new BigDecimal("0.1"),
				new BigDecimal("31"), new BigDecimal("50"));
		int year = yearAfterAnUnplannedOne();
		AnnualPlan plan = asSystem(() -> planning.open(putuo, year, roomy, "test"));
		asSystem(() -> composition.compose(plan.id()));
		Map<String, Long> officers = new java.util.HashMap<>();
		asSystem(() -> jdbc.sql("select name, id from officer where body_id = :body").param("body", putuo)
			.query((rs, n) -> officers.put(rs.getString(1), rs.getLong(2))).list());
		List<String> usccs = asSystem(() -> jdbc.sql("select uscc from plan_item where plan_id = :plan order by uscc")
			.param("plan", plan.id()).query(String.class).list());
		String recused = usccs.get(0);
		asSystem(() -> jdbc.sql("""
				insert into officer_recusal (officer_id, district_code, street_code, uscc, reason, declared_by)
				select id, district_code, street_code, :uscc, '近亲属任该企业安全负责人', 'test' from officer where id = :officer""")
			.param("uscc", recused).param("officer", officers.get("刘洋")).update());
		asSystem(() -> jdbc.sql("""
				insert into officer_absence (officer_id, district_code, street_code, starts_on, ends_on, reason, recorded_by)
				select id, district_code, street_code, :from, :to, '脱产培训', 'test' from officer where id = :officer""")
			.param("from", LocalDate.of(year, 3, 1)).param("to", LocalDate.of(year, 3, 31))
			.param("officer", officers.get("赵磊")).update());
		asSystem(() -> jdbc.sql("""
				insert into public_holiday (day, name, working, source)
				select d, '劳动节', false, 'test' from unnest(cast(:days as date[])) d on conflict do nothing""")
			.param("days", List.of(1, 2, 3).stream().map(d -> java.sql.Date.valueOf(LocalDate.of(year, 5, d)))
				.toArray(java.sql.Date[]::new))
			.update());
		long campaign = asSystem(() -> jdbc.sql("""
				insert into plan_campaign (plan_id, district_code, street_code, name, starts_month, ends_month, matters, created_by)
				select id, district_code, street_code, '有限空间专项', 6, 7, array['有限空间作业安全'], 'test' from annual_plan
				where id = :plan returning id""").param("plan", plan.id()).query(Long.class).single());
		List<String> inCampaign = usccs.subList(1, Math.min(usccs.size(), 6));
		asSystem(() -> jdbc.sql("update plan_item set campaign_id = :campaign where plan_id = :plan and uscc = any(:usccs)")
			.param("campaign", campaign).param("plan", plan.id()).param("usccs", inCampaign.toArray(String[]::new))
			.update());

		PlanSchedule.Result result = asSystem(() -> schedule.schedule(plan.id()));

		assertThat(result.violations().values()).as(result.violations().toString()).allMatch(n -> n == 0);
		List<Row> rows = rows(plan.id());
		assertThat(rows).allSatisfy(r -> {
			assertThat(r.day()).isNotIn(LocalDate.of(year, 5, 1), LocalDate.of(year, 5, 2), LocalDate.of(year, 5, 3));
			if (r.month() == 3) {
				assertThat(List.of(r.lead(), r.second())).doesNotContain(officers.get("赵磊"));
			}
			if (r.uscc().equals(recused)) {
				assertThat(List.of(r.lead(), r.second())).doesNotContain(officers.get("刘洋"));
			}
			if (inCampaign.contains(r.uscc())) {
				assertThat(r.month()).as("in the campaign's months").isBetween(6, 7);
			}
		});
		// each pair is one of its month's teams on the public draw page
		String pool = asSystem(() -> jdbc.sql("select officers from plan_draw where plan_id = :plan order by id limit 1")
			.param("plan", plan.id()).query(String.class).single());
		java.util.Set<String> teams = new java.util.HashSet<>();
		PublicDraws.teams(plan.seed(), pool).forEach(t -> teams.add(t.month() + "," + t.lead().badge() + "," + t.second().badge()));
		Map<Long, String> badges = new java.util.HashMap<>();
		asSystem(() -> jdbc.sql("select id, badge_number from officer where body_id = :body").param("body", putuo)
			.query((rs, n) -> badges.put(rs.getLong(1), rs.getString(2))).list());
		assertThat(rows).allSatisfy(r -> assertThat(teams).contains(r.month() + "," + badges.get(r.lead()) + ","
				+ badges.get(r.second())));
	}

	@Test
	void onlyAComposedDraftIsScheduled() {
		AnnualPlan empty = asSystem(() -> planning.open(putuo, TestYears.fresh(), null, "test"));
		assertThatThrownBy(() -> asSystem(() -> schedule.schedule(empty.id())))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("先编制计划");
		AnnualPlan plan = scheduled(TestYears.fresh(), null);
		asSystem(() -> planning.submit(plan.id(), null));
		assertThatThrownBy(() -> asSystem(() -> schedule.schedule(plan.id())))
			.isInstanceOf(InvalidTransitionException.class).hasMessageContaining("只有草稿可以排期");
	}
}
