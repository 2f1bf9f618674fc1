package org.anjian.planning.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.anjian.TestYears;
import org.anjian.planning.PlanComposition;
import org.anjian.planning.PlanFixtures;
import org.anjian.planning.PlanSettings;
import org.anjian.planning.Planning;
import org.anjian.shared.InvalidInputException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The quarterly and monthly views of a plan's schedule, over items whose month, day and officers are written
 * here directly (as the scheduler writes them), so that the views are tested apart from the scheduler.
 */
@SpringBootTest
class PlanScheduleViewsTests {

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	PlanScheduleViews views;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanFixtures fixtures;

	/** A 普陀 plan of every enterprise (general draw rate 1), its items not yet scheduled. */
	long composed(int year) {
		long putuo = fixtures.body("310107");
		PlanSettings all = new PlanSettings(new BigDecimal("0.15"), BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE,
				new BigDecimal("31"), new BigDecimal("100"));
		long id = asSystem(() -> planning.open(putuo, year, all, "test")).id();
		asSystem(() -> composition.compose(id));
		return id;
	}

	List<Long> officers(long planId) {
		return asSystem(() -> jdbc.sql("""
				select o.id from officer o join annual_plan p on p.body_id = o.body_id where p.id = :plan and o.active
				order by o.id""").param("plan", planId).query(Long.class).list());
	}

	/** Puts the first {@code count} items (by id) on days of a month, the officers taking turns. */
	void schedule(long planId, int year, int month, int count, List<Long> officers) {
		List<Long> items = asSystem(() -> jdbc.sql("""
				select id from plan_item where plan_id = :plan and planned_month is null order by id limit :n""")
			.param("plan", planId).param("n", count).query(Long.class).list());
		for (int i = 0; i < items.size(); i++) {
			long lead = officers.get(i % officers.size());
			long second = officers.get((i + 1) % officers.size());
			LocalDate day = LocalDate.of(year, month, 1 + i % 28);
			long item = items.get(i);
			asSystem(() -> jdbc.sql("""
					update plan_item set planned_month = :month, planned_on = :day, lead_officer_id = :lead,
					  second_officer_id = :second where id = :id""")
				.param("month", month).param("day", day).param("lead", lead).param("second", second).param("id", item)
				.update());
		}
	}

	@Test
	void aQuarterCountsItsMonthsByKindEachOfficersInspectionsAndTheItemsNotYetScheduled() {
		int year = TestYears.fresh();
		long plan = composed(year);
		List<Long> officers = officers(plan);
		Assumptions.assumeTrue(officers.size() >= 2, "普陀 has at least two officers");
		int total = asSystem(() -> planning.items(plan)).size();
		Assumptions.assumeTrue(total >= 5, "普陀 has enough enterprises");
		schedule(plan, year, 4, 3, officers);
		schedule(plan, year, 6, 1, officers);
		schedule(plan, year, 7, 1, officers);

		PlanScheduleViews.Overview q2 = asSystem(() -> views.overview(plan, PlanScheduleViews.Period.of("2", null)));

		assertThat(q2.months()).extracting(PlanScheduleViews.MonthCount::month).containsExactly(4, 5, 6);
		assertThat(q2.months()).extracting(PlanScheduleViews.MonthCount::total).containsExactly(3, 0, 1);
		assertThat(q2.unscheduled()).isEqualTo(total - 5);
		assertThat(q2.officers().stream().mapToInt(PlanScheduleViews.OfficerLoad::lead).sum()).isEqualTo(4);
		assertThat(q2.officers().stream().mapToInt(PlanScheduleViews.OfficerLoad::second).sum()).isEqualTo(4);
		assertThat(q2.officers()).allSatisfy(o -> assertThat(o.name()).isNotBlank());
	}

	@Test
	void aMonthListsItsItemsByDayWithBothOfficersAPageAtATime() {
		int year = TestYears.fresh();
		long plan = composed(year);
		List<Long> officers = officers(plan);
		Assumptions.assumeTrue(officers.size() >= 2 && asSystem(() -> planning.items(plan)).size() >= 5,
				"普陀 has officers and enterprises");
		schedule(plan, year, 5, 5, officers);

		// pages of two, so that paging shows with a handful of items; the pages shown have 200
		PlanScheduleViews.DayItems first = asSystem(() -> views.month(plan, 5, 1, 2));
		PlanScheduleViews.DayItems last = asSystem(() -> views.month(plan, 5, 3, 2));
		PlanScheduleViews.DayItems whole = asSystem(() -> views.month(plan, 5, 1));

		assertThat(first.total()).isEqualTo(5);
		assertThat(first.pages()).isEqualTo(3);
		assertThat(first.items()).hasSize(2);
		assertThat(last.items()).hasSize(1);
		assertThat(whole.items()).hasSize(5).extracting(PlanScheduleViews.DayItem::day).isSorted();
		assertThat(whole.pages()).isEqualTo(1);
		assertThat(whole.items()).allSatisfy(i -> {
			assertThat(i.day().getMonthValue()).isEqualTo(5);
			assertThat(i.leadName()).isNotBlank();
			assertThat(i.secondName()).isNotBlank().isNotEqualTo(i.leadName());
			assertThat(i.matters()).isNotEmpty();
		});
		assertThat(PlanScheduleViews.ITEMS_PER_PAGE).isEqualTo(200);
	}

	@Test
	void refusesAMonthOrQuarterOutOfRangeInChinese() {
		assertThatThrownBy(() -> PlanScheduleViews.Period.of(null, "13")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("月份须为 1 至 12");
		assertThatThrownBy(() -> PlanScheduleViews.Period.of("5", null)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("季度须为 1 至 4");
		assertThatThrownBy(() -> PlanScheduleViews.Period.of("2", "5")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("请选择一个季度");
		assertThatThrownBy(() -> PlanScheduleViews.Period.of(null, null)).isInstanceOf(InvalidInputException.class);
		assertThat(PlanScheduleViews.Period.of("4", null).firstMonth()).isEqualTo(10);
		assertThat(PlanScheduleViews.Period.of(null, " 7 ").lastMonth()).isEqualTo(7);
	}
}
