package org.anjian.hazard.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.internal.HazardLedger;
import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.ResultPage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for hazards, for the field app: the ledger with the page's filters, one hazard, and the re-inspection's two
 * outcomes — 复查销号 and 复查不合格 — on the version the app last read (a stale version answers 409).
 */
@RestController
@PreAuthorize(HazardPages.STAFF)
class HazardApi {

	private final HazardLedger ledger;
	private final HazardRectification rectification;
	private final CurrentActor actors;

	HazardApi(HazardLedger ledger, HazardRectification rectification, CurrentActor actors) {
		this.ledger = ledger;
		this.rectification = rectification;
		this.actors = actors;
	}

	record HazardView(long id, String uscc, String enterprise, Long taskId, String description, String legalBasis,
			boolean major, String status, String statusLabel, LocalDate deadline, boolean overdue, Long daysLeft,
			Long daysOverdue, String rectificationNote, Instant submittedAt, String reinspectionNote,
			Instant verifiedAt, String verifiedBy, int version) {

		static HazardView of(HazardLedger.Line line) {
			Hazard h = line.hazard();
			return new HazardView(h.id(), h.uscc(), line.enterprise(), h.taskId(), h.description(), h.legalBasis(),
					h.major(), h.status().name(), h.status().label(), h.deadline(), line.overdue(), line.daysLeft(),
					line.daysOverdue(), h.rectificationNote(), h.submittedAt(), h.reinspectionNote(), h.verifiedAt(),
					h.verifiedBy(), h.version());
		}
	}

	/** A page of the ledger; {@code total} is exact unless {@code totalCapped}, when there are more than that. */
	record LedgerView(List<HazardView> hazards, long total, boolean totalCapped, int page, int pages) {
	}

	/** 复查销号: the second officer of the re-inspection (an officer id of the acting body), the note, the version read. */
	record VerificationRequest(Long secondOfficerId, String note, Integer version) {
	}

	record ReinspectionFailureRequest(LocalDate deadline, String note, Integer version) {
	}

	@GetMapping("/api/hazards")
	LedgerView hazards(@RequestParam(required = false) String status, @RequestParam(required = false) boolean overdue,
			@RequestParam(required = false) boolean major, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) Integer page) {
		ResultPage<HazardLedger.Line> found = ledger.search(new HazardLedger.Filter(HazardPages.status(status), overdue,
				major, enterprise), page);
		return new LedgerView(found.items().stream().map(HazardView::of).toList(), found.total(), !found.exact(),
				found.number(), found.pages());
	}

	@GetMapping("/api/hazards/{id}")
	HazardView hazard(@PathVariable long id) {
		return HazardView.of(ledger.line(rectification.hazard(id)));
	}

	@PostMapping("/api/hazards/{id}/verification")
	HazardView verify(@PathVariable long id, @RequestBody(required = false) VerificationRequest request) {
		VerificationRequest body = request == null ? new VerificationRequest(null, null, null) : request;
		return HazardView.of(ledger.line(rectification.verify(id, actor().username(), body.secondOfficerId(), body.note(), body.version())));
	}

	@PostMapping("/api/hazards/{id}/reinspection-failure")
	HazardView fail(@PathVariable long id, @RequestBody(required = false) ReinspectionFailureRequest request) {
		ReinspectionFailureRequest body = request == null ? new ReinspectionFailureRequest(null, null, null) : request;
		return HazardView.of(ledger.line(rectification.failReinspection(id, body.deadline(), body.note(),
				body.version())));
	}

	private Actor actor() {
		return actors.current().orElseThrow(() -> new AccessDeniedException("请先登录"));
	}
}
