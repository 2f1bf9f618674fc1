package org.anjian.hazard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.InspectionFinished;
import org.anjian.shared.database.SystemScope;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The hazards a finished inspection found are born here: each finding of the record becomes a hazard
 * ({@link Hazard#found}) at the enterprise's place, acted on by the inspecting body, ordered rectified by the deadline of {@link RectificationDeadlinePolicy} from the day of the
 * finding — the order the rectification order document (责令限期整改指令书) prints. This happens in the finishing
 * transaction, so the record and the orders are committed together or not at all. Each hazard then becomes a fact of
 * the enterprise's grade, once the record is committed: recording a fact takes the enterprise's regrade lock, which
 * must come before a transaction's first write, and the finishing transaction has written by then (the event
 * publication registry keeps the event until the facts are recorded).
 */
@Component
class InspectionFindings {

	private final Hazards hazards;
	private final HazardRectification rectification;
	private final RectificationDeadlinePolicy deadlines;
	private final EnterpriseRegistry registry;
	private final Clock clock;

	InspectionFindings(Hazards hazards, HazardRectification rectification, RectificationDeadlinePolicy deadlines,
			EnterpriseRegistry registry, Clock clock) {
		this.registry = registry;
		this.hazards = hazards;
		this.rectification = rectification;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	@EventListener
	void on(InspectionFinished finished) {
		if (finished.findings().isEmpty()) {
			return;
		}
		LocalDate foundOn = LocalDate.ofInstant(finished.finishedAt(), clock.getZone());
		// where the enterprise lies (its street's officers read the hazard there); the inspecting body acts on it
		Enterprise enterprise = registry.file(finished.uscc());
		String acting = finished.streetCode() != null ? finished.streetCode()
				: finished.districtCode() != null ? finished.districtCode() : "310000";
		// found with the record (their audit entries are the record's finishing), then each ordered rectified by the
		// module's own act of ordering
		List<Hazard> found = finished.findings().stream()
			.map(finding -> hazards.save(Hazard.found(enterprise.districtCode(), enterprise.streetCode(), acting,
					finished.uscc(), finished.taskId(), finding.checklistItemId(), finding.description(),
					finding.legalBasis(), finding.major(), finished.finishedAt())))
			.toList();
		for (Hazard hazard : found) {
			rectification.orderRectification(hazard.id(), deadlines.deadline(hazard.major(), foundOn), hazard.version());
		}
	}

	@Async
	@TransactionalEventListener
	void recordFacts(InspectionFinished finished) {
		if (finished.findings().isEmpty()) {
			return;
		}
		SystemScope.run("hazard:grade-facts", () -> hazards.findByTask(finished.taskId()).forEach(rectification::recordFound));
	}
}
