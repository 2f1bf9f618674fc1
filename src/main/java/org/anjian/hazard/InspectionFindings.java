package org.anjian.hazard;

import org.anjian.audit.AuditTrail;
import org.anjian.inspection.InspectionFinished;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The hazards a finished inspection found: the rectification order printed with the record (责令限期整改指令书)
 * is the order to rectify each by its deadline, and each becomes a fact of the enterprise's grade. Runs in the
 * finishing transaction, so the record, the orders and the new grade are committed together or not at all.
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
			rectification.recordFound(hazard);
		}
	}
}
