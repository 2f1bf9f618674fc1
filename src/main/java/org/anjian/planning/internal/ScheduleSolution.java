package org.anjian.planning.internal;

import java.util.List;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardsoftlong.HardSoftLongScore;

/** The solver's working solution: the teams' trips of the year and the visits placed on them. */
@PlanningSolution
public class ScheduleSolution {

	@PlanningEntityCollectionProperty
	@ValueRangeProvider
	private List<Trip> trips;

	@PlanningEntityCollectionProperty
	private List<PlannedVisit> visits;

	@PlanningScore
	private HardSoftLongScore score;

	ScheduleSolution() {
		// for the solver's cloning
	}

	ScheduleSolution(List<Trip> trips, List<PlannedVisit> visits) {
		this.trips = trips;
		this.visits = visits;
	}

	public List<Trip> getTrips() {
		return trips;
	}

	public List<PlannedVisit> getVisits() {
		return visits;
	}

	public HardSoftLongScore getScore() {
		return score;
	}

	public void setScore(HardSoftLongScore score) {
		this.score = score;
	}
}
