package org.anjian.planning.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The working days of the national calendar: Monday to Friday, less public holidays, plus the weekend days
 * worked in their place (调休上班), as kept in {@code public_holiday}. A year without entries has only weekends off.
 */
@Service
public class WorkCalendar {

	private final JdbcClient jdbc;

	WorkCalendar(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A year's calendar: working days by month, read once. */
	public Year year(int year) {
		Map<LocalDate, Boolean> exceptions = new HashMap<>();
		jdbc.sql("select day, working from public_holiday where day between :first and :last")
			.param("first", LocalDate.of(year, 1, 1)).param("last", LocalDate.of(year, 12, 31))
			.query(rs -> {
				exceptions.put(rs.getDate("day").toLocalDate(), rs.getBoolean("working"));
			});
		return new Year(year, exceptions);
	}

	/** The working days of one year, from its holiday exceptions. */
	public static final class Year {

		private final int year;
		private final Map<LocalDate, Boolean> exceptions;

		public Year(int year, Map<LocalDate, Boolean> exceptions) {
			this.year = year;
			this.exceptions = Map.copyOf(exceptions);
		}

		public boolean isWorkingDay(LocalDate day) {
			Boolean exception = exceptions.get(day);
			if (exception != null) {
				return exception;
			}
			return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
		}

		/** The working days of a month of this year, in order. */
		public List<LocalDate> workingDays(int month) {
			List<LocalDate> days = new ArrayList<>();
			YearMonth ym = YearMonth.of(year, month);
			for (int d = 1; d <= ym.lengthOfMonth(); d++) {
				LocalDate day = ym.atDay(d);
				if (isWorkingDay(day)) {
					days.add(day);
				}
			}
			return days;
		}

		public int year() {
			return year;
		}
	}
}
