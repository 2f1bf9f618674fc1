package org.anjian.hazard;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The rectification deadline alone: 30 days from the day of the finding, 90 for a major hazard. */
class RectificationDeadlinePolicyTests {

	private final RectificationDeadlinePolicy policy = new RectificationDeadlinePolicy();

	@Test
	void aGeneralHazardIsGivenThirtyDaysFromTheDayOfTheFinding() {
		assertThat(policy.days(false)).isEqualTo(30);
		assertThat(policy.deadline(false, LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2027, 1, 6));
	}

	@Test
	void aMajorHazardIsGivenNinetyDays() {
		assertThat(policy.days(true)).isEqualTo(90);
		assertThat(policy.deadline(true, LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2027, 3, 7));
	}

	@Test
	void theDaysRunAcrossMonthEndsAndLeapYears() {
		assertThat(policy.deadline(false, LocalDate.of(2028, 2, 1))).isEqualTo(LocalDate.of(2028, 3, 2));
		assertThat(policy.deadline(true, LocalDate.of(2027, 12, 31))).isEqualTo(LocalDate.of(2028, 3, 30));
	}
}
