package org.anjian.planning.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.anjian.shared.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * The working days as the national calendar enters them ({@link WorkCalendar}), for the other modules' deadlines.
 * Each question reads the years it needs once (a deadline's period crosses into the next year at most).
 */
@Component
class NationalWorkingDays implements WorkingDays {

	private final WorkCalendar calendar;

	NationalWorkingDays(WorkCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public boolean isWorkingDay(LocalDate day) {
		return calendar.year(day.getYear()).isWorkingDay(day);
	}

	@Override
	public LocalDate after(LocalDate from, int days) {
		Map<Integer, WorkCalendar.Year> years = new HashMap<>();
		WorkingDays read = day -> years.computeIfAbsent(day.getYear(), calendar::year).isWorkingDay(day);
		return read.after(from, days);
	}
}
