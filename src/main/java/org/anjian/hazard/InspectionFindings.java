package org.anjian.hazard;

import org.anjian.audit.AuditTrail;
import org.anjian.inspection.InspectionFinished;
import org.anjian.shared.database.SystemScope;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The hazards a finished inspection found: the rectification order printed with the record (责令限期整改指令书)
 * is the order to rectify each by its deadline, made in the finishing transaction, so the record and the orders are
 * committed together or not at all. Each hazard then becomes a fact of the enterprise's grade, once the record is
 * committed: recording a fact takes the enterprise's regrade lock, which must come before a transaction's first
 * write, and the finishing transaction has written by then (the event publication registry keeps the event until
 * the facts are recorded).
 */
@Component
class InspectionFindings {

	private final Hazards hazards;
	private final HazardRectification rectification;
	private final AuditTrail audit;

	InspectionFindings(Hazards hazards, HazardRectification rectification, AuditTrail audit) {
		this.hazards = hazards;
		this.rectification = rectification;
		this.audit = audit;
	}

	@EventListener
	void on(InspectionFinished finished) {
		if (finished.hazards() == 0) {
			return;
		}
		audit.describe("hazard.order-rectification");
		for (Hazard hazard : hazards.findByTask(finished.taskId())) {
			if (hazard.status() == HazardStatus.FOUND && hazard.deadline() != null) {
				hazard.orderRectification(hazard.deadline(), rectification.today());
				hazards.save(hazard);
			}
		}
	}

	@Async
	@TransactionalEventListener
	void recordFacts(InspectionFinished finished) {
		if (finished.hazards() == 0) {
			return;
		}
		SystemScope.run("hazard:grade-facts", () -> hazards.findByTask(finished.taskId()).forEach(rectification::recordFound));
	}
}
