package org.anjian.penalty.web;

import java.time.LocalDate;
import java.util.List;

import org.anjian.penalty.Evidence;
import org.anjian.penalty.FourReasons;
import org.anjian.penalty.Party;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyProcedure;
import org.anjian.shared.ResultPage;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Penalty cases over REST (issue 15, build item 9): the cases the caller's jurisdiction reaches and one act per
 * address. Who may do which act is the act table's ({@code PenaltyProcedure}); every body is optional so that a
 * case outside the caller's reach answers 404 before its content is judged, and a stale {@code version} 409.
 */
@RestController
@RequestMapping("/api/penalty-cases")
@PreAuthorize(PenaltyCaseApi.STAFF)
class PenaltyCaseApi {

	static final String STAFF = "hasAnyRole('CITY_OFFICER', 'DISTRICT_OFFICER', 'LEADER', 'LEGAL_REVIEWER')";

	private final PenaltyProcedure procedure;

	PenaltyCaseApi(PenaltyProcedure procedure) {
		this.procedure = procedure;
	}

	/** A case as the API shows it, with the deadline now running. */
	record CaseView(long id, String uscc, String party, String entry, String facts, String status, String statusLabel,
			LocalDate filedOn, LocalDate openedOn, LocalDate decisionDue, Long notifiedAmount, boolean hearingRight,
			boolean legalReviewPassed, Long decidedAmount, LocalDate decidedOn, FourReasons reasons,
			LocalDate deliveredOn, LocalDate paymentDue, long due, PenaltyCase.Deadline deadline, int version,
			String origin, Long originId, int evidenceCount, List<String> factors, String band, Long bandMin,
			Long bandMax, Long proposedAmount, Long intendedAmount, String deviationReason, boolean legalReviewRequired, String defence,
			LocalDate defenceDue) {
	}

	record Filing(String uscc, Party party, String entry, String facts, Long hazard, LocalDate actEndedOn,
			Boolean harmedLifeOrHealth) {

		boolean harmed() {
			return Boolean.TRUE.equals(harmedLifeOrHealth);
		}
	}

	record Change(Integer version, List<String> investigators, String opinion, Long amount, LocalDate on,
			LocalDate noticedOn, LocalDate heldOn, String record, String facts, String law, String discretion,
			String defence, String ground, String to, Integer days, String reason, List<String> factors,
			Evidence.Kind kind, String description) {

		static Change none() {
			return new Change(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
					null, null, null, null);
		}

		long amountOrZero() {
			return amount == null ? 0 : amount;
		}
	}

	@GetMapping
	ResultPage<CaseView> cases(@RequestParam(required = false) Integer page) {
		ResultPage<PenaltyCase> found = procedure.cases(page);
		return new ResultPage<>(found.items().stream().map(this::view).toList(), found.number(), found.size(),
				found.total(), found.exact());
	}

	@GetMapping("/{id}")
	CaseView penaltyCase(@PathVariable long id) {
		return view(procedure.penaltyCase(id));
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	CaseView file(@RequestBody(required = false) Filing filing) {
		Filing f = filing == null ? new Filing(null, null, null, null, null, null, null) : filing;
		if (f.hazard() != null) {
			return view(procedure.fileFromHazard(f.hazard(), f.party(), f.entry(), f.facts(), f.actEndedOn(), f.harmed()));
		}
		return view(procedure.file(f.uscc(), f.party(), f.entry(), f.facts(), f.actEndedOn(), f.harmed()));
	}

	/** The on-the-spot decision: the four reasons as {@code reasons} ({@code facts, law, discretion, defence}). */
	record OnTheSpot(String uscc, Party party, String entry, String facts, Long amount, List<String> factors,
			FourReasons reasons, String defence, String secondOfficer) {
	}

	/** 当场处罚 (简易程序): decided and handed over on the spot by the caller and a second officer. */
	@PostMapping("/on-the-spot")
	@ResponseStatus(HttpStatus.CREATED)
	CaseView onTheSpot(@RequestBody(required = false) OnTheSpot body) {
		OnTheSpot b = body == null ? new OnTheSpot(null, null, null, null, null, null, null, null, null) : body;
		return view(procedure.decideOnTheSpot(b.uscc(), b.party(), b.entry(), b.facts(), b.amount(),
				b.factors() == null ? List.of() : b.factors(), b.reasons(), b.defence(), b.secondOfficer()));
	}

	@PostMapping("/{id}/evidence")
	CaseView recordEvidence(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.recordEvidence(id, c.kind(), c.description(), c.version()));
	}

	@PostMapping("/{id}/discretion")
	CaseView assess(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.assess(id, c.factors() == null ? List.of() : c.factors(), c.amount(), c.reason(),
				c.version()));
	}

	@PostMapping("/{id}/defence")
	CaseView recordDefence(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.recordDefence(id, c.defence(), c.version()));
	}

	@PostMapping("/{id}/approval")
	CaseView approve(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.approveFiling(id, c.investigators(), c.version()));
	}

	@PostMapping("/{id}/refusal")
	CaseView refuse(@PathVariable long id, @RequestBody(required = false) Change change) {
		return view(procedure.refuseFiling(id, orNone(change).version()));
	}

	@PostMapping("/{id}/investigation-end")
	CaseView endInvestigation(@PathVariable long id, @RequestBody(required = false) Change change) {
		return view(procedure.endInvestigation(id, orNone(change).version()));
	}

	@PostMapping("/{id}/further-investigation")
	CaseView investigateFurther(@PathVariable long id, @RequestBody(required = false) Change change) {
		return view(procedure.investigateFurther(id, orNone(change).version()));
	}

	@PostMapping("/{id}/legal-review")
	CaseView sendToLegalReview(@PathVariable long id, @RequestBody(required = false) Change change) {
		return view(procedure.sendToLegalReview(id, orNone(change).version()));
	}

	@PostMapping("/{id}/legal-review/pass")
	CaseView passLegalReview(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.passLegalReview(id, c.opinion(), c.version()));
	}

	@PostMapping("/{id}/legal-review/refusal")
	CaseView refuseLegalReview(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.refuseLegalReview(id, c.opinion(), c.version()));
	}

	@PostMapping("/{id}/notice")
	CaseView notifyParty(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.notifyParty(id, c.amountOrZero(), c.version()));
	}

	@PostMapping("/{id}/hearing-request")
	CaseView requestHearing(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.requestHearing(id, c.on(), c.version()));
	}

	@PostMapping("/{id}/hearing")
	CaseView holdHearing(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.holdHearing(id, c.noticedOn(), c.heldOn(), c.version()));
	}

	@PostMapping("/{id}/discussion")
	CaseView recordDiscussion(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.recordDiscussion(id, c.record(), c.version()));
	}

	@PostMapping("/{id}/decision")
	CaseView decide(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.decide(id, c.amountOrZero(),
				new FourReasons(c.facts(), c.law(), c.discretion(), c.defence()), c.version()));
	}

	@PostMapping("/{id}/no-penalty")
	CaseView decideNotToPunish(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.decideNotToPunish(id, c.ground(), c.version()));
	}

	@PostMapping("/{id}/transfer")
	CaseView transfer(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.transfer(id, c.to(), c.version()));
	}

	@PostMapping("/{id}/extension")
	CaseView extend(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.extend(id, c.days() == null ? 0 : c.days(), c.reason(), c.version()));
	}

	@PostMapping("/{id}/delivery")
	CaseView deliver(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.deliver(id, c.on(), c.version()));
	}

	/** 暂缓或者分期缴纳 (行政处罚法第66条): {@code payBy}, {@code instalments} (1: deferred), {@code reason}. */
	record Deferral(Integer version, LocalDate payBy, Integer instalments, String reason) {
	}

	@PostMapping("/{id}/deferral")
	CaseView allowDeferral(@PathVariable long id, @RequestBody(required = false) Deferral deferral) {
		Deferral d = deferral == null ? new Deferral(null, null, null, null) : deferral;
		return view(procedure.allowDeferral(id, d.payBy(), d.instalments(), d.reason(), d.version()));
	}

	@PostMapping("/{id}/payment")
	CaseView recordPayment(@PathVariable long id, @RequestBody(required = false) Change change) {
		Change c = orNone(change);
		return view(procedure.recordPayment(id, c.on(), c.amountOrZero(), c.version()));
	}

	@PostMapping("/{id}/closing")
	CaseView close(@PathVariable long id, @RequestBody(required = false) Change change) {
		return view(procedure.close(id, orNone(change).version()));
	}

	private static Change orNone(Change change) {
		return change == null ? Change.none() : change;
	}

	private CaseView view(PenaltyCase c) {
		LocalDate today = procedure.today();
		return new CaseView(c.id(), c.uscc(), c.party() == Party.UNIT ? "unit" : "responsible_person", c.entryId(),
				c.facts(), c.status().name(), c.status().label(), c.filedOn(), c.openedOn(), c.decisionDue(),
				c.notifiedAmount(), c.hearingRight(), c.legalReviewPassed(), c.decidedAmount(), c.decidedOn(), c.reasons(),
				c.deliveredOn(), c.paymentDue(), c.due(today), c.deadline(today, procedure.workingDays()), c.version(), c.origin().name(),
				c.originId(), c.evidenceCount(), c.ticked().stream().map(Enum::name).toList(),
				c.band() == null ? null : c.band().code(), c.bandMin(), c.bandMax(), c.proposedAmount(),
				c.intendedAmount(), c.deviationReason(), c.legalReviewRequired(), c.defence(), c.defenceDue(procedure.workingDays()));
	}
}
