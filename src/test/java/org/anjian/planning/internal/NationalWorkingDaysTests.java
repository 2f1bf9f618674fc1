package org.anjian.planning.internal;

import java.time.LocalDate;

import org.anjian.shared.WorkingDays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 行政处罚法第八十五条「本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。」 The working days other modules count
 * their deadlines in come from the national calendar as entered: holidays off, the weekend days worked in their
 * place on.
 */
@SpringBootTest
class NationalWorkingDaysTests {

	@Autowired
	WorkingDays workingDays;

	@Test
	void sevenWorkingDaysFromTheFridayBeforeTheSpringFestivalEndAfterTheHolidayCountingTheWorkedSaturdays() {
		// 2026-02-14 (Saturday) is worked, 02-15 to 02-23 are off, 02-28 (Saturday) is worked
		assertThat(workingDays.after(LocalDate.of(2026, 2, 13), 7)).isEqualTo(LocalDate.of(2026, 3, 2));
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
		assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 16))).isFalse();
	}

	@Test
	void withoutTheCalendarOnlyTheWeekendsAreOff() {
		assertThat(WorkingDays.WEEKENDS_ONLY.after(LocalDate.of(2026, 2, 13), 7)).isEqualTo(LocalDate.of(2026, 2, 24));
	}
}
