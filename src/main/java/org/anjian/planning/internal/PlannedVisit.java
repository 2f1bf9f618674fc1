package org.anjian.planning.internal;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import org.anjian.planning.internal.ScheduleProblem.Inspection;
import org.anjian.planning.internal.ScheduleProblem.Position;

/** An inspection for the solver: the trip (a team's day) it is placed on is what the solver chooses. */
@PlanningEntity
public class PlannedVisit {

	@PlanningId
	private Long id;
	private Inspection inspection;
	private boolean repeated;

	@PlanningVariable
	private Trip trip;

	PlannedVisit() {
		// for the solver's cloning
	}

	PlannedVisit(Inspection inspection, boolean repeated) {
		this.id = inspection.itemId();
		this.inspection = inspection;
		this.repeated = repeated;
	}

	public Long getId() {
		return id;
	}

	public Inspection inspection() {
		return inspection;
	}

	public String uscc() {
		return inspection.uscc();
	}

	public Position position() {
		return inspection.position();
	}

	/** Whether the enterprise has another inspection in the plan (then the two must lie apart). */
	public boolean repeated() {
		return repeated;
	}

	public Trip getTrip() {
		return trip;
	}

	public void setTrip(Trip trip) {
		this.trip = trip;
	}

	public boolean excludedFromTrip() {
		return trip != null && (inspection.excludes(trip.lead()) || inspection.excludes(trip.second()));
	}

	public boolean outsidePeriod() {
		return trip != null && !inspection.inPeriod(trip.month());
	}
}
