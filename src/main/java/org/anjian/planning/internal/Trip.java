package org.anjian.planning.internal;

import java.time.LocalDate;
import java.util.List;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import org.anjian.planning.internal.ScheduleProblem.Position;

/**
 * One team's working day (a lead inspector and a second officer together): it takes up to {@code capacity}
 * inspections, driven as one route from the office and back.
 */
public final class Trip {

	@PlanningId
	private final Integer id;
	private final int month;
	private final LocalDate day;
	private final long epochDay;
	private final long lead;
	private final long second;
	private final int capacity;
	private final Position office;

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

	/** Metres both officers drive for these inspections on this day. */
	public long metres(List<PlannedVisit> visits) {
		return Math.round(2000 * ScheduleMetrics.route(office, visits.stream().map(PlannedVisit::position).toList()));
	}

	@Override
	public String toString() {
		return day + " " + lead + "+" + second;
	}
}
