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

	private SolverSchedule() {
	}

	public static Solved solve(ScheduleProblem problem, Duration limit, Duration unimproved) {
		long started = System.nanoTime();
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
		ScheduleSolution best = solver.solve(new ScheduleSolution(trips, visits));

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
