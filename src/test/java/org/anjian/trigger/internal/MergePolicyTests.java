package org.anjian.trigger.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.anjian.inspection.InspectionStatus;
import org.anjian.trigger.internal.MergePolicy.Decision;
import org.anjian.trigger.internal.MergePolicy.Planned;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a trigger goes, decided from what the caller loaded: no database, no inspection module behind it. */
class MergePolicyTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

	final MergePolicy policy = new MergePolicy();

	@Test
	void anOpenTaskOfTheSameCauseTakesTheTriggerBeforeAnyPlannedInspection() {
		Decision decision = policy.decide(Optional.of(41L), Optional.of(new Planned(42L, TODAY.plusDays(3))), TODAY);

		assertThat(decision.outcome()).isEqualTo(TriggerOutcome.ATTACHED);
		assertThat(decision.taskId()).isEqualTo(41L);
		assertThat(decision.why()).isEqualTo("同一事由的检查任务尚未完成，并入该任务，不重复开立");
	}

	@Test
	void aPlannedInspectionFromTodayToTheThirtiethDayAbsorbsTheTrigger() {
		for (LocalDate day : new LocalDate[] { TODAY, TODAY.plusDays(30) }) {
			Decision decision = policy.decide(Optional.empty(), Optional.of(new Planned(42L, day)), TODAY);

			assertThat(decision.outcome()).as(day.toString()).isEqualTo(TriggerOutcome.MERGED);
			assertThat(decision.taskId()).isEqualTo(42L);
			assertThat(decision.why()).isEqualTo("该企业已有 " + day + " 的计划检查，在30日内，统筹归并至该检查");
		}
		assertThat(policy.mergeUntil(TODAY)).isEqualTo(TODAY.plusDays(30));
	}

	@Test
	void withoutAnOpenTaskOrAPlannedInspectionWithinThirtyDaysATaskIsOpened() {
		for (Optional<Planned> planned : List.of(Optional.<Planned>empty(), Optional.of(new Planned(42L, TODAY.plusDays(31))),
				Optional.of(new Planned(42L, TODAY.minusDays(1))))) {
			Decision decision = policy.decide(Optional.empty(), planned, TODAY);

			assertThat(decision.outcome()).as(planned.toString()).isEqualTo(TriggerOutcome.OPENED);
			assertThat(decision.taskId()).isNull();
			assertThat(decision.why()).isEqualTo("30日内无该企业的计划检查，开立触发式检查任务");
		}
	}

	@Test
	void aTaskTakesItsCausesTriggersUntilItIsFinishedOrCancelled() {
		for (InspectionStatus status : InspectionStatus.values()) {
			boolean closed = status == InspectionStatus.FINISHED || status == InspectionStatus.CANCELLED;
			assertThat(policy.takesTriggers(status)).as(status.name()).isEqualTo(!closed);
		}
	}
}
