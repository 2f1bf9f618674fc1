package org.anjian.planning.internal;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkCalendarTests {

	@Test
	void holidaysAreOffAndAdjustedWeekendDaysAreWorked() {
		WorkCalendar.Year year = new WorkCalendar.Year(2026, Map.of(LocalDate.of(2026, 10, 1), false,
				LocalDate.of(2026, 10, 10), true));
		assertThat(year.isWorkingDay(LocalDate.of(2026, 10, 1))).as("国庆节, a Thursday").isFalse();
		assertThat(year.isWorkingDay(LocalDate.of(2026, 10, 10))).as("调休上班, a Saturday").isTrue();
		assertThat(year.isWorkingDay(LocalDate.of(2026, 10, 11))).as("an ordinary Sunday").isFalse();
		assertThat(year.workingDays(10)).contains(LocalDate.of(2026, 10, 10)).doesNotContain(LocalDate.of(2026, 10, 1))
			.hasSize(22 - 1 + 1);
	}
}
