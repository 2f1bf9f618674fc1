package org.anjian.planning.internal;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.anjian.planning.internal.ScheduleProblem.Assignment;
import org.anjian.planning.internal.ScheduleProblem.Inspection;
import org.anjian.planning.internal.ScheduleProblem.Inspector;
import org.anjian.planning.internal.ScheduleProblem.Position;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleSolverTests {

	/** A district-sized problem: inspections scattered over 30 by 30 km, officers a third of them lead inspectors. */
	static ScheduleProblem problem(int inspections, int officers, long seed) {
		Random random = new Random(seed);
		List<Inspector> inspectors = new ArrayList<>();
		for (int i = 0; i < officers; i++) {
			Set<LocalDate> absent = new HashSet<>();
			LocalDate leave = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(20));
			for (int d = 0; d < 5; d++) {
				absent.add(leave.plusDays(d));
			}
			inspectors.add(new Inspector(1000 + i, "B" + (1000 + i), i % 3 == 0, absent));
		}
		List<Inspection> list = new ArrayList<>();
		for (int i = 0; i < inspections; i++) {
			Position p = new Position(random.nextDouble() * 30 - 15, random.nextDouble() * 30 - 15);
			Set<Long> rotation = random.nextInt(3) == 0 ? Set.of(1000L + random.nextInt(officers)) : Set.of();
			Set<Long> recused = random.nextInt(20) == 0 ? Set.of(1000L + random.nextInt(officers)) : Set.of();
			boolean campaign = random.nextInt(10) == 0;
			String uscc = "E" + (random.nextInt(50) == 0 && i > 0 ? i - 1 : i);
			list.add(new Inspection(i + 1, uscc, p, rotation, recused, campaign ? 4 : 1, campaign ? 6 : 12));
		}
		WorkCalendar.Year calendar = new WorkCalendar.Year(2026, Map.of(LocalDate.of(2026, 10, 1), false,
				LocalDate.of(2026, 10, 2), false, LocalDate.of(2026, 10, 10), true));
		return new ScheduleProblem(2026, 2, 15, "00ff", calendar, new Position(0, 0), inspectors, list);
	}

	@Test
	void solverKeepsEveryHardRuleAndDrivesLessThanTheGreedyBaseline() {
		ScheduleProblem problem = problem(3000, 40, 7);
		ScheduleMetrics greedy = ScheduleMetrics.of(problem, GreedySchedule.solve(problem));
		SolverSchedule.Solved solved = SolverSchedule.solve(problem, Duration.ofSeconds(20), Duration.ofSeconds(5));
		ScheduleMetrics metrics = ScheduleMetrics.of(problem, solved.schedule());
		System.out.printf("greedy: %s km %.0f load %d-%d; solver: %s km %.0f load %d-%d score %s%n", greedy.violations(),
				greedy.km(), greedy.minLoad(), greedy.maxLoad(), metrics.violations(), metrics.km(), metrics.minLoad(),
				metrics.maxLoad(), solved.score());
		assertThat(metrics.unscheduled()).isZero();
		assertThat(metrics.hardViolations()).as(metrics.violations().toString()).isZero();
		assertThat(metrics.outsideCampaign()).isZero();
		assertThat(metrics.km()).isLessThan(greedy.km() * 0.8);
	}

	@Test
	void noOfficerTakesAnEnterpriseHeDeclaredAConflictWith() {
		ScheduleProblem problem = problem(600, 12, 3);
		Map<Long, Assignment> schedule = SolverSchedule.solve(problem, Duration.ofSeconds(5), Duration.ofSeconds(1))
			.schedule();
		for (Inspection inspection : problem.inspections()) {
			Assignment a = schedule.get(inspection.itemId());
			assertThat(inspection.recused()).doesNotContain(a.lead(), a.second());
			assertThat(inspection.rotation()).doesNotContain(a.lead(), a.second());
			assertThat(problem.calendar().isWorkingDay(a.day())).isTrue();
		}
	}
}
