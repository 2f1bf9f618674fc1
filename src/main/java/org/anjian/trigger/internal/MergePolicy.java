package org.anjian.trigger.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.anjian.inspection.InspectionStatus;
import org.springframework.stereotype.Component;

/**
 * Where a trigger goes (统筹归并, no second visit when one is near): to the open task of the same cause, if there is
 * one; else into the enterprise's planned inspection within {@link #MERGE_DAYS} days; else to a task of its own.
 * The decision says why, in words an officer reads on the triggers page. The caller loads the task of the cause and
 * the planned inspection ({@link #mergeUntil} bounds where it looks); the policy only decides.
 */
@Component
public class MergePolicy {

	static final int MERGE_DAYS = 30;

	/** The outcome, the task it names (none when a task is to be opened), and why. */
	public record Decision(TriggerOutcome outcome, Long taskId, String why) {
	}

	/** An inspection of the enterprise planned for a day (计划检查): its task and the day. */
	public record Planned(long taskId, LocalDate on) {
	}

	/** The last day a planned inspection may lie on to take in a trigger of {@code today}. */
	public LocalDate mergeUntil(LocalDate today) {
		return today.plusDays(MERGE_DAYS);
	}

	/** Whether the task of a cause still takes that cause's further triggers: neither finished nor cancelled. */
	public boolean takesTriggers(InspectionStatus status) {
		return status != InspectionStatus.FINISHED && status != InspectionStatus.CANCELLED;
	}

	/**
	 * @param openTaskOfCause the task of the cause's latest trigger, if it still {@linkplain #takesTriggers takes
	 *        triggers}
	 * @param planned the enterprise's earliest planned inspection from today on, if any
	 */
	public Decision decide(Optional<Long> openTaskOfCause, Optional<Planned> planned, LocalDate today) {
		if (openTaskOfCause.isPresent()) {
			return new Decision(TriggerOutcome.ATTACHED, openTaskOfCause.get(),
					"同一事由的检查任务尚未完成，并入该任务，不重复开立");
		}
		if (planned.isPresent() && !planned.get().on().isBefore(today) && !planned.get().on().isAfter(mergeUntil(today))) {
			// the task is linked beside the decision: its number means nothing to a reader
			return new Decision(TriggerOutcome.MERGED, planned.get().taskId(), "该企业已有 " + planned.get().on()
					+ " 的计划检查，在" + MERGE_DAYS + "日内，统筹归并至该检查");
		}
		return new Decision(TriggerOutcome.OPENED, null, MERGE_DAYS + "日内无该企业的计划检查，开立触发式检查任务");
	}
}
