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
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.anjian.planning.internal.ScheduleProblem.Assignment;
import org.anjian.planning.internal.ScheduleProblem.Inspection;

/**
 * The schedule by Timefold Solver: the teams' trips are drawn first ({@link TeamRoster}), inspections are placed
 * on them geographically ({@link GeographicSeeding}), any left over by the solver's construction heuristic, and
 * local search then moves and swaps inspections between trips under {@link ScheduleConstraints} until the time
 * limit, or until it has found nothing better for a while.
 */
public final class SolverSchedule {

	/** How a solving went: the solver's own final score and the schedule by item id. */
	public record Solved(Map<Long, Assignment> schedule, HardSoftLongScore score, int trips) {
	}

	private SolverSchedule() {
	}

	public static Solved solve(ScheduleProblem problem, Duration limit, Duration unimproved) {
		List<Trip> trips = TeamRoster.trips(problem);
		Map<String, Integer> perEnterprise = new HashMap<>();
		problem.inspections().forEach(i -> perEnterprise.merge(i.uscc(), 1, Integer::sum));
		List<PlannedVisit> visits = new ArrayList<>();
		for (Inspection inspection : problem.inspections()) {
			visits.add(new PlannedVisit(inspection, perEnterprise.get(inspection.uscc()) > 1));
		}
		if (visits.isEmpty() || trips.isEmpty()) {
			return new Solved(Map.of(), HardSoftLongScore.ZERO, trips.size());
		}
		GeographicSeeding.seed(trips, visits);

		SolverConfig config = new SolverConfig()
			.withSolutionClass(ScheduleSolution.class)
			.withEntityClasses(PlannedVisit.class)
			.withConstraintProviderClass(ScheduleConstraints.class)
			.withRandomSeed((long) problem.seed().hashCode())
			.withPhases(new ConstructionHeuristicPhaseConfig(),
					new LocalSearchPhaseConfig().withTerminationConfig(new TerminationConfig()
						.withSpentLimit(limit)
						.withUnimprovedSpentLimit(unimproved)));
		Solver<ScheduleSolution> solver = SolverFactory.<ScheduleSolution>create(config).buildSolver();
		ScheduleSolution best = solver.solve(new ScheduleSolution(trips, visits));

		Map<Long, Assignment> schedule = new HashMap<>();
		for (PlannedVisit visit : best.getVisits()) {
			Trip trip = visit.getTrip();
			if (trip != null) {
				schedule.put(visit.getId(), new Assignment(trip.day(), trip.lead(), trip.second()));
			}
		}
		return new Solved(schedule, best.getScore(), trips.size());
	}
}
