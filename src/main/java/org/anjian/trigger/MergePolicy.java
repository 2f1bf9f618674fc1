package org.anjian.trigger;

import java.time.LocalDate;
import java.util.Optional;

import org.anjian.inspection.InspectionStatus;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where a trigger goes (统筹归并, no second visit when one is near): to the open task of the same cause, if there is
 * one; else into the enterprise's planned inspection within {@link #MERGE_DAYS} days; else to a task of its own.
 * The decision says why, in words an officer reads on the triggers page.
 */
@Component
public class MergePolicy {

	static final int MERGE_DAYS = 30;

	private final JdbcClient jdbc;
	private final Inspections inspections;

	MergePolicy(JdbcClient jdbc, Inspections inspections) {
		this.jdbc = jdbc;
		this.inspections = inspections;
	}

	/** The outcome, the task it names (none when a task is to be opened), and why. */
	public record Decision(TriggerOutcome outcome, Long taskId, String why) {
	}

	public Decision decide(String uscc, String cause, LocalDate today) {
		Optional<Long> open = openTask(uscc, cause);
		if (open.isPresent()) {
			return new Decision(TriggerOutcome.ATTACHED, open.get(),
					"同一事由的检查任务 " + open.get() + " 尚未完成，并入该任务，不重复开立");
		}
		Optional<InspectionTask> planned = inspections.plannedBetween(uscc, today, today.plusDays(MERGE_DAYS));
		if (planned.isPresent()) {
			return new Decision(TriggerOutcome.MERGED, planned.get().id(), "该企业已有 " + planned.get().plannedOn()
					+ " 的计划检查（任务 " + planned.get().id() + "），在" + MERGE_DAYS + "日内，统筹归并至该检查");
		}
		return new Decision(TriggerOutcome.OPENED, null, MERGE_DAYS + "日内无该企业的计划检查，开立触发式检查任务");
	}

	/** The task of the cause's latest trigger, while it is neither finished nor cancelled. */
	Optional<Long> openTask(String uscc, String cause) {
		return jdbc.sql("""
				select task_id from trigger_record where uscc = :uscc and cause = :cause order by id desc limit 1""")
			.param("uscc", uscc).param("cause", cause).query(Long.class).optional()
			.filter(task -> {
				InspectionStatus status = inspections.task(task).status();
				return status != InspectionStatus.FINISHED && status != InspectionStatus.CANCELLED;
			});
	}
}
