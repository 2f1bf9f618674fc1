package org.anjian.inspection.internal;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The over-inspection rule alone, over counts given to it: no database. */
class OverInspectionRuleTests {

	private final OverInspectionPolicy policy = new OverInspectionPolicy();

	@Test
	void theWeekRunsMondayToSundayAndTheMonthFromItsFirstToItsLastDay() {
		OverInspectionPolicy.Windows windows = policy.windows(LocalDate.of(2026, 12, 9));
		assertThat(windows.weekFrom()).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(windows.weekTo()).isEqualTo(LocalDate.of(2026, 12, 13));
		assertThat(windows.monthFrom()).isEqualTo(LocalDate.of(2026, 12, 1));
		assertThat(windows.monthTo()).isEqualTo(LocalDate.of(2026, 12, 31));
	}

	@Test
	void oneInspectionTheSameDayTwoTheSameWeekOrThreeTheSameMonthAreWarnedOfEachByItsRule() {
		LocalDate day = LocalDate.of(2026, 12, 9);
		assertThat(policy.frequency(new OverInspectionPolicy.Visits(day, 0, 1, 2)).warnings()).isEmpty();
		OverInspectionPolicy.Frequency busy = policy.frequency(new OverInspectionPolicy.Visits(day, 1, 2, 3));
		assertThat(busy.warnings()).containsExactly(
				"该企业 2026-12-09 当天已有 1 次检查（各执法主体合计），同一天不宜再次检查",
				"该企业本周已有 2 次检查（各执法主体合计），每周不宜超过 2 次",
				"该企业本月已有 3 次检查（各执法主体合计），每月不宜超过 3 次");
		assertThat(policy.frequency(new OverInspectionPolicy.Visits(day, 0, 0, 3)).month().refused()).isTrue();
	}

	@Test
	void aThirdVisitAfterTwoWithoutFindingsNeedsAReasonAndOnlyThen() {
		Map<Long, Integer> twiceClean = Map.of(1L, 2, 2L, 0);
		Map<Long, Integer> onceClean = Map.of(1L, 1, 2L, 1);
		assertThat(policy.repeating(twiceClean)).isTrue();
		assertThat(policy.thirdVisit(twiceClean, " ").reason()).contains("第三次检查须写明理由");
		assertThat(policy.thirdVisit(twiceClean, "举报线索指向该企业").allowed()).isTrue();
		assertThat(policy.repeating(onceClean)).isFalse();
		assertThat(policy.thirdVisit(onceClean, null).allowed()).isTrue();
		assertThat(policy.cleanVisitsSince(LocalDate.of(2026, 12, 9))).isEqualTo(LocalDate.of(2025, 12, 9));
	}
}
