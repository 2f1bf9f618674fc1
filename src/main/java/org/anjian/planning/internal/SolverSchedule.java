package org.anjian.planning.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.constructionheuristic.ConstructionHeuristicPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.anjian.planning.internal.ScheduleProblem.Assignment;
import org.anjian.shared.work.Progress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.anjian.planning.internal.ScheduleProblem.Inspection;

/**
 * The schedule by Timefold Solver: the teams' trips are drawn first ({@link TeamRoster}), inspections are placed
 * on them geographically ({@link GeographicSeeding}), any left over by the solver's construction heuristic, and
 * local search then moves and swaps inspections between trips under {@link ScheduleConstraints} until the time
 * limit, or until it has found nothing better for a while.
 */
public final class SolverSchedule {

	/**
	 * How a solving went: the schedule by item id, the geographic seeding it started from (to tell the two
	 * apart), the solver's own final score, and the number of trips drawn.
	 */
	public record Solved(Map<Long, Assignment> schedule, Map<Long, Assignment> seeded, HardSoftLongScore score,
			int trips) {
	}

	private static final Logger LOG = LoggerFactory.getLogger(SolverSchedule.class);

	/** Steps of a hundred done when the solver starts, and when it has ended. */
	static final int SEEDED = 15, SOLVED = 95;

	private SolverSchedule() {
	}

	public static Solved solve(ScheduleProblem problem, Duration limit, Duration unimproved) {
		return solve(problem, limit, unimproved, Progress.NONE);
	}

	/**
	 * The same, telling its page how far it is: the trips drawn, the seeding, then the solver's time spent against its
	 * limit at each better solution it finds (the steps of a hundred run up to {@value #SOLVED}; saving is the
	 * caller's).
	 */
	public static Solved solve(ScheduleProblem problem, Duration limit, Duration unimproved, Progress progress) {
		long started = System.nanoTime();
		progress.step(5, 100, "编排执法小组全年的出行班次");
		List<Trip> trips = TeamRoster.trips(problem);
		long drawn = System.nanoTime();
		Map<String, Integer> perEnterprise = new HashMap<>();
		problem.inspections().forEach(i -> perEnterprise.merge(i.uscc(), 1, Integer::sum));
		List<PlannedVisit> visits = new ArrayList<>();
		for (Inspection inspection : problem.inspections()) {
			visits.add(new PlannedVisit(inspection, perEnterprise.get(inspection.uscc()) > 1));
		}
		if (visits.isEmpty() || trips.isEmpty()) {
			return new Solved(Map.of(), Map.of(), HardSoftLongScore.ZERO, trips.size());
		}
		progress.step(10, 100, "按地理位置初排 " + visits.size() + " 项检查（" + trips.size() + " 个班次）");
		GeographicSeeding.seed(trips, visits);
		Map<Long, Assignment> seeded = assignments(visits);
		LOG.info("Schedule: {} trips drawn in {} ms, {} inspections seeded in {} ms", trips.size(),
				(drawn - started) / 1_000_000, visits.size(), (System.nanoTime() - drawn) / 1_000_000);

		SolverConfig config = new SolverConfig()
			.withSolutionClass(ScheduleSolution.class)
			.withEntityClasses(PlannedVisit.class, Trip.class)
			.withConstraintProviderClass(ScheduleConstraints.class)
			.withRandomSeed((long) problem.seed().hashCode())
			// without assertions: checking every placed visit against the value range alone takes seconds on a city plan
			.withEnvironmentMode(EnvironmentMode.NO_ASSERT)
			.withTerminationConfig(new TerminationConfig().withSpentLimit(limit));
		LocalSearchPhaseConfig localSearch = new LocalSearchPhaseConfig()
			.withMoveSelectorConfig(new UnionMoveSelectorConfig(List.of(
					new MoveIteratorFactoryConfig().withMoveIteratorFactoryClass(NearbyMoves.class),
					new ChangeMoveSelectorConfig(), new SwapMoveSelectorConfig())))
			.withTerminationConfig(new TerminationConfig().withUnimprovedSpentLimit(unimproved));
		// the construction heuristic only for what the seeding could not place: it is slow on a placed solution
		config.setPhaseConfigList(visits.stream().anyMatch(v -> v.getTrip() == null)
				? List.of(new ConstructionHeuristicPhaseConfig(), localSearch) : List.of(localSearch));
		Solver<ScheduleSolution> solver = SolverFactory.<ScheduleSolution>create(config).buildSolver();
		int[] improvements = { 0 };
		long limitSeconds = Math.max(1, limit.toSeconds());
		progress.step(SEEDED, 100, "优化排期：求解器最多运行 " + limitSeconds + " 秒，连续 " + unimproved.toSeconds()
				+ " 秒找不到更优方案即提前结束");
		solver.addEventListener(event -> {
			improvements[0]++;
			long spent = event.getTimeMillisSpent();
			int done = SEEDED + (int) Math.min(SOLVED - SEEDED, (SOLVED - SEEDED) * spent / Math.max(1, limit.toMillis()));
			progress.step(done, 100, "优化排期：已用 " + spent / 1000 + " 秒（最多 " + limitSeconds + " 秒），已找到更优方案 "
					+ improvements[0] + " 次");
		});
		ScheduleSolution best = solver.solve(new ScheduleSolution(trips, visits));
		progress.step(SOLVED, 100, "优化完成：共找到更优方案 " + improvements[0] + " 次");

		return new Solved(assignments(best.getVisits()), seeded, best.getScore(), trips.size());
	}

	private static Map<Long, Assignment> assignments(List<PlannedVisit> visits) {
		Map<Long, Assignment> schedule = new HashMap<>();
		for (PlannedVisit visit : visits) {
			Trip trip = visit.getTrip();
			if (trip != null) {
				schedule.put(visit.getId(), new Assignment(trip.day(), trip.lead(), trip.second()));
			}
		}
		return schedule;
	}
}
