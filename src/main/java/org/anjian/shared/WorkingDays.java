package org.anjian.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * The working days of the national calendar (Monday to Friday, less public holidays, plus the weekend days worked
 * in their place), for the deadlines the law counts in working days — 行政处罚法第八十五条「本法中“二日”“三日”“五日”
 * “七日”的规定是指工作日，不含法定节假日。」 Implemented by the planning module, which keeps the calendar.
 */
public interface WorkingDays {

	/** Weekends off, nothing else: for rules computed without the calendar (tests of pure rules). */
	WorkingDays WEEKENDS_ONLY = day -> day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;

	boolean isWorkingDay(LocalDate day);

	/** The last day of a period of so many working days that starts the day after {@code from}. */
	default LocalDate after(LocalDate from, int days) {
		LocalDate day = from;
		int counted = 0;
		while (counted < days) {
			day = day.plusDays(1);
			if (isWorkingDay(day)) {
				counted++;
			}
		}
		return day;
	}
}
