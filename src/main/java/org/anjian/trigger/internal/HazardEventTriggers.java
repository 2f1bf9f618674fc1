package org.anjian.trigger.internal;

import org.anjian.hazard.HazardOverdue;
import org.anjian.hazard.HazardReinspectionFailed;
import org.anjian.shared.database.SystemScope;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * A hazard left overdue (逾期未整改) or failing its re-inspection (复查不合格) opens a follow-up inspection
 * (事件触发). The work runs after the hazard's transaction has committed, in the background, so that a failure here
 * never undoes the hazard's act and the event publication registry keeps the event until it succeeds. Not
 * {@code @ApplicationModuleListener}: that opens its transaction before the method runs, on a connection scoped to
 * nobody (the background thread has no user); the system scope has to come first, then the transaction.
 */
@Component
class HazardEventTriggers {

	private final TriggeredInspections triggers;

	HazardEventTriggers(TriggeredInspections triggers) {
		this.triggers = triggers;
	}

	@Async
	@TransactionalEventListener
	void on(HazardOverdue overdue) {
		SystemScope.run("trigger:hazard-overdue", () -> triggers.hazardOverdue(overdue));
	}

	@Async
	@TransactionalEventListener
	void on(HazardReinspectionFailed failed) {
		SystemScope.run("trigger:reinspection-failed", () -> triggers.reinspectionFailed(failed));
	}
}
