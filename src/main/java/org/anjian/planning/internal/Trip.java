package org.anjian.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.variable.InverseRelationShadowVariable;
import org.anjian.planning.internal.ScheduleProblem.Position;

/**
 * One team's working day (a lead inspector and a second officer together): it takes up to {@code capacity}
 * inspections, driven as one route from the office and back. The solver keeps its visits up to date.
 */
@PlanningEntity
public class Trip {

	@PlanningId
	private Integer id;
	private int month;
	private LocalDate day;
	private long epochDay;
	private long lead;
	private long second;
	private int capacity;
	private Position office;

	@InverseRelationShadowVariable(sourceVariableName = "trip")
	private List<PlannedVisit> visits = new ArrayList<>();

	Trip() {
		// for the solver's cloning
	}

	public Trip(int id, LocalDate day, long lead, long second, int capacity, Position office) {
		this.id = id;
		this.month = day.getMonthValue();
		this.day = day;
		this.epochDay = day.toEpochDay();
		this.lead = lead;
		this.second = second;
		this.capacity = capacity;
		this.office = office;
	}

	public Integer id() {
		return id;
	}

	public int month() {
		return month;
	}

	public LocalDate day() {
		return day;
	}

	public long epochDay() {
		return epochDay;
	}

	public long lead() {
		return lead;
	}

	public long second() {
		return second;
	}

	public int capacity() {
		return capacity;
	}

	public List<Long> officers() {
		return List.of(lead, second);
	}

	public List<PlannedVisit> getVisits() {
		return visits;
	}

	public int load() {
		return visits.size();
	}

	/** Metres both officers drive for this day's inspections. */
	public long metres() {
		return Math.round(2000 * ScheduleMetrics.route(office, visits.stream().map(PlannedVisit::position).toList()));
	}

	@Override
	public String toString() {
		return day + " " + lead + "+" + second;
	}
}
