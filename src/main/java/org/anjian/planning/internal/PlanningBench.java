package org.anjian.planning.internal;

import java.io.PrintStream;
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
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Measures scheduling on a city-sized plan: inspections of generated enterprises at their coordinates, a body of
 * officers (two in five lead inspectors) with leave, a third of the enterprises inspected last year by two of
 * them, one in a hundred with a declared conflict of interest, one in ten in a three-month campaign, one in a
 * hundred inspected twice; the year's calendar with its holidays. The greedy baseline and the solver schedule the
 * same problem in the same run, and both are judged by {@link ScheduleMetrics}.
 */
@Component
class PlanningBench {

	private final JdbcClient jdbc;
	private final WorkCalendar calendar;

	PlanningBench(JdbcClient jdbc, WorkCalendar calendar) {
		this.jdbc = jdbc;
		this.calendar = calendar;
	}

	/** The figures of one run. */
	record Result(ScheduleMetrics greedy, Duration greedyTime, ScheduleMetrics seeded, ScheduleMetrics solved,
			Duration solveTime) {

		boolean met(Duration target) {
			return solved.hardViolations() == 0 && solved.unscheduled() == 0 && solveTime.compareTo(target) < 0
					&& solved.km() <= greedy.km() * 0.8;
		}
	}

	ScheduleProblem problem(int inspections, int officers, int year, long seed) {
		Random random = new Random(seed);
		List<Inspector> inspectors = new ArrayList<>();
		for (int i = 0; i < officers; i++) {
			Set<LocalDate> absent = new HashSet<>();
			LocalDate leave = LocalDate.of(year, 1 + random.nextInt(12), 1 + random.nextInt(18));
			for (int d = 0; d < 10; d++) {
				absent.add(leave.plusDays(d));
			}
			inspectors.add(new Inspector(i + 1, String.format("BENCH%05d", i + 1), i % 5 < 2, absent));
		}
		int enterprises = inspections - inspections / 100;
		record Place(String uscc, double lon, double lat) {
		}
		List<Place> places = SystemScope.call("bench", () -> jdbc.sql("""
				select uscc, longitude::float8, latitude::float8 from enterprise_register
				where longitude is not null and latitude is not null order by md5(uscc) limit :n""")
			.param("n", enterprises)
			.query((rs, n) -> new Place(rs.getString(1), rs.getDouble(2), rs.getDouble(3)))
			.list());
		if (places.size() < enterprises) {
			throw new IllegalStateException("需要至少 " + enterprises + " 家有坐标的企业，现有 " + places.size());
		}
		List<Inspection> list = new ArrayList<>();
		for (int i = 0; i < inspections; i++) {
			// the last hundredth are second inspections of enterprises already in the plan
			Place place = places.get(i < enterprises ? i : random.nextInt(enterprises));
			Set<Long> rotation = new HashSet<>();
			if (random.nextInt(3) == 0) {
				rotation.add(1L + random.nextInt(officers));
				rotation.add(1L + random.nextInt(officers));
			}
			Set<Long> recused = random.nextInt(100) == 0 ? Set.of(1L + random.nextInt(officers)) : Set.of();
			int from = 1, to = 12;
			if (random.nextInt(10) == 0) {
				from = 1 + random.nextInt(10);
				to = from + 2;
			}
			list.add(new Inspection(i + 1, place.uscc(), Position.of(place.lon(), place.lat()), rotation, recused, from, to));
		}
		Position office = new Position(list.stream().mapToDouble(x -> x.position().x()).average().orElse(0),
				list.stream().mapToDouble(x -> x.position().y()).average().orElse(0));
		return new ScheduleProblem(year, 2, 15, Long.toHexString(seed), calendar.year(year), office, inspectors, list);
	}

	Result run(ScheduleProblem problem, Duration limit, Duration unimproved, PrintStream out) {
		out.printf("计划：%,d 项检查，%,d 名执法人员（主办人 %,d 名），%d 年；每人每天 %d 户，每月 %d 天%n",
				problem.inspections().size(), problem.inspectors().size(),
				problem.inspectors().stream().filter(Inspector::lead).count(), problem.year(), problem.perDay(),
				problem.daysPerMonth());
		long started = System.nanoTime();
		Map<Long, Assignment> greedySchedule = GreedySchedule.solve(problem);
		Duration greedyTime = Duration.ofNanos(System.nanoTime() - started);
		ScheduleMetrics greedy = ScheduleMetrics.of(problem, greedySchedule);

		started = System.nanoTime();
		SolverSchedule.Solved solved = SolverSchedule.solve(problem, limit, unimproved);
		Duration solveTime = Duration.ofNanos(System.nanoTime() - started);
		Result result = new Result(greedy, greedyTime, ScheduleMetrics.of(problem, solved.seeded()),
				ScheduleMetrics.of(problem, solved.schedule()), solveTime);

		out.printf("%-22s %14s %14s %14s%n", "", "贪心基线", "地理初始解", "求解器");
		out.printf("%-22s %13.1fs %14s %13.1fs%n", "用时", greedyTime.toMillis() / 1000.0, "（含于求解）",
				solveTime.toMillis() / 1000.0);
		row(out, "未排入", greedy.unscheduled(), result.seeded().unscheduled(), result.solved().unscheduled());
		row(out, "硬约束违反", greedy.hardViolations(), result.seeded().hardViolations(), result.solved().hardViolations());
		out.printf("%-22s %14s %14s %14s%n", "人均检查（最少/最多）", greedy.minLoad() + "/" + greedy.maxLoad(),
				result.seeded().minLoad() + "/" + result.seeded().maxLoad(),
				result.solved().minLoad() + "/" + result.solved().maxLoad());
		out.printf("%-22s %14.2f %14.2f %14.2f%n", "工作量比（最多/最少）", ratio(greedy), ratio(result.seeded()),
				ratio(result.solved()));
		out.printf("%-22s %,14.0f %,14.0f %,14.0f%n", "总里程（公里）", greedy.km(), result.seeded().km(),
				result.solved().km());
		row(out, "专项时段外", greedy.outsideCampaign(), result.seeded().outsideCampaign(),
				result.solved().outsideCampaign());
		out.printf("里程比贪心基线少 %.1f%%（其中地理初始解 %.1f%%）；求解器最终得分 %s，车次 %,d%n",
				100 * (1 - result.solved().km() / greedy.km()), 100 * (1 - result.seeded().km() / greedy.km()),
				solved.score(), solved.trips());
		if (greedy.hardViolations() > 0) {
			out.println("贪心基线违反：" + greedy.violations());
		}
		if (result.solved().hardViolations() > 0) {
			out.println("求解器违反：" + result.solved().violations());
		}
		return result;
	}

	private static void row(PrintStream out, String label, int greedy, int seeded, int solved) {
		out.printf("%-22s %,14d %,14d %,14d%n", label, greedy, seeded, solved);
	}

	private static double ratio(ScheduleMetrics m) {
		return m.minLoad() == 0 ? Double.POSITIVE_INFINITY : (double) m.maxLoad() / m.minLoad();
	}
}
