package org.anjian.audit.web;

import java.time.format.DateTimeFormatter;
import java.util.List;

import org.anjian.audit.AuditEntry;
import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditTrail;
import org.anjian.audit.ChainVerification;
import org.anjian.shared.Zone;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The administrator's page of the audit trail: the newest records, and a button that verifies the whole
 * chain. Verification is a POST because it reads every record ever written; a link would be followed by
 * prefetchers and crawlers.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditAdminController {

	static final int LATEST = 50;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(Zone.SHANGHAI);

	private final AuditTrail trail;
	private final AuditLabels labels;

	AuditAdminController(AuditTrail trail, AuditLabels labels) {
		this.trail = trail;
		this.labels = labels;
	}

	@GetMapping
	String page(Model model) {
		model.addAttribute("rows", latest());
		return "admin/audit";
	}

	@PostMapping("/verify")
	String verify(Model model) {
		ChainVerification verification = trail.verify();
		model.addAttribute("verification", verification);
		model.addAttribute("checkedAt", TIME.format(verification.checkedAt()));
		model.addAttribute("rows", latest());
		return "admin/audit";
	}

	private List<Row> latest() {
		return trail.latest(LATEST).stream().map(this::row).toList();
	}

	/** The action in words (its module's label, or the database's insert, update or delete), its code kept beside. */
	private Row row(AuditEntry e) {
		String entity = e.entityId() == null ? e.entityType() : e.entityType() + " " + e.entityId();
		return new Row(e.seq(), TIME.format(e.occurredAt()), e.actor(), entity, labels.label(e.action()), e.action());
	}

	/** One line of the table, already in Beijing time. */
	public record Row(long seq, String time, String actor, String entity, String action, String code) {
	}
}
