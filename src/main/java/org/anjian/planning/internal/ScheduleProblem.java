package org.anjian.planning.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;


/**
 * What a plan's schedule must satisfy, in memory: the inspections to place, the officers who may do them, and the
 * year's working days. Positions are kilometres east and north of a fixed point of the city, so that distances are
 * plain Euclidean ones; the office is where each officer-day starts and ends.
 *
 * @param perDay inspections an officer does on a working day at most
 * @param daysPerMonth days an officer inspects in a month at most
 * @param seed the plan's published seed, from which the officer teams are drawn
 */
public record ScheduleProblem(int year, int perDay, int daysPerMonth, String seed, WorkCalendar.Year calendar,
		Position office, List<Inspector> inspectors, List<Inspection> inspections) {

	/** Two inspections of one enterprise in a year lie at least this many days apart. */
	public static final int DAYS_BETWEEN_INSPECTIONS_OF_ONE_ENTERPRISE = 30;

	public record Position(double x, double y) {

		/** Shanghai's longitude and latitude are turned into kilometres around People's Square. */
		private static final double LON0 = 121.475, LAT0 = 31.232;
		private static final double KM_PER_DEGREE_LAT = 110.574;
		private static final double KM_PER_DEGREE_LON = 111.320 * Math.cos(Math.toRadians(LAT0));

		public static Position of(double longitude, double latitude) {
			return new Position((longitude - LON0) * KM_PER_DEGREE_LON, (latitude - LAT0) * KM_PER_DEGREE_LAT);
		}

		public double km(Position other) {
			return Math.hypot(x - other.x, y - other.y);
		}
	}

	/** An officer: a certified lead inspector (主办人) or not, and the days the officer is absent. */
	public record Inspector(long id, String badge, boolean lead, Set<LocalDate> absent) {

		public boolean availableOn(LocalDate day) {
			return !absent.contains(day);
		}
	}

	/**
	 * A planned inspection: where, which officers must not do it (those who inspected the enterprise last year:
	 * rotation; those who declared a conflict of interest: 回避), and the months it should fall in (a campaign's
	 * period; 1 to 12 otherwise).
	 */
	public record Inspection(long itemId, String uscc, Position position, Set<Long> rotation, Set<Long> recused,
			int fromMonth, int toMonth) {

		public boolean excludes(long officer) {
			return rotation.contains(officer) || recused.contains(officer);
		}

		public boolean inPeriod(int month) {
			return month >= fromMonth && month <= toMonth;
		}
	}

	/** The schedule of one inspection: the day and the two officers, the first the lead inspector. */
	public record Assignment(LocalDate day, long lead, long second) {
	}
}
