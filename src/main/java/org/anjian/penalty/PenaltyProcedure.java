package org.anjian.penalty;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.grading.FactIntake;
import org.anjian.grading.RiskFact;
import org.anjian.penalty.internal.PenaltyAction;
import org.anjian.penalty.internal.PenaltyCases;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The acts of a penalty case, each in one transaction under its name in the audit trail, each held to the act table
 * ({@link Act#FILE_CASE}, {@link Act#HANDLE_CASE}, {@link Act#APPROVE_CASE}, {@link Act#REVIEW_CASE}); the caller's
 * jurisdiction limits, in the database, which cases it reaches. The case itself ({@link PenaltyCase}) refuses what
 * its state does not allow; the fine is held to the statutory range of its catalogue entry.
 */
@Service
public class PenaltyProcedure {

	private final PenaltyCases cases;
	private final PenaltyCatalogue catalogue;
	private final FactIntake facts;
	private final EnterpriseRegistry registry;
	private final CurrentActor actors;
	private final AuditTrail audit;
	private final OfficialActs acts;
	private final Clock clock;

	PenaltyProcedure(PenaltyCases cases, PenaltyCatalogue catalogue, FactIntake facts, EnterpriseRegistry registry,
			CurrentActor actors, AuditTrail audit, OfficialActs acts, Clock clock) {
		this.cases = cases;
		this.catalogue = catalogue;
		this.facts = facts;
		this.registry = registry;
		this.actors = actors;
		this.audit = audit;
		this.acts = acts;
		this.clock = clock;
	}

	public PenaltyCase penaltyCase(long id) {
		return cases.findById(id).orElseThrow(() -> new NotFoundException("案件 " + id + " 不存在或不在您的管辖范围内"));
	}

	/** The cases the caller's jurisdiction reaches, newest first, a page at a time. */
	public ResultPage<PenaltyCase> cases(Integer page) {
		return cases.newestFirst(page);
	}

	public List<PenaltyCase> ofEnterprise(String uscc) {
		return cases.findByUscc(uscc);
	}

	/** 立案申请 by an officer of an enforcement body, for an enterprise in its jurisdiction. */
	@Authorized(Act.FILE_CASE)
	@Transactional
	public PenaltyCase file(String uscc, Party party, String entryId, String facts) {
		audit.describe(PenaltyAction.FILE);
		Actor officer = actor();
		if (officer.bodyId() == null) {
			throw new InvalidInputException("uscc", "只有执法主体的执法人员可以立案");
		}
		if (uscc == null || uscc.isBlank()) {
			throw new InvalidInputException("uscc", "请填写企业的统一社会信用代码");
		}
		// the enterprise first: one outside the officer's jurisdiction is not found, whatever else was sent
		Enterprise enterprise = registry.file(uscc.strip());
		if (party == null) {
			throw new InvalidInputException("party", "请选择处罚对象（单位或责任人员）");
		}
		CatalogueEntry entry = catalogue.entry(entryId);
		if (entry.party() != party) {
			throw new InvalidInputException("entryId", entry.citation() + "的该项罚款针对" + entry.party().label() + "，不是"
					+ party.label());
		}
		return cases.save(PenaltyCase.file(officer.bodyId(), enterprise.districtCode(), enterprise.streetCode(),
				enterprise.uscc(), party, entry.id(), facts, officer.username(), today()));
	}

	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase approveFiling(long id, List<String> investigators, Integer version) {
		return act(PenaltyAction.APPROVE_FILING, id, version, c -> c.approveFiling(username(), investigators, today()));
	}

	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase refuseFiling(long id, Integer version) {
		return act(PenaltyAction.REFUSE_FILING, id, version, c -> c.refuseFiling(username()));
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase endInvestigation(long id, Integer version) {
		return act(PenaltyAction.END_INVESTIGATION, id, version, PenaltyCase::endInvestigation);
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase investigateFurther(long id, Integer version) {
		return act(PenaltyAction.INVESTIGATE_FURTHER, id, version, PenaltyCase::investigateFurther);
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase sendToLegalReview(long id, Integer version) {
		return act(PenaltyAction.SEND_TO_LEGAL_REVIEW, id, version, PenaltyCase::sendToLegalReview);
	}

	@Authorized(Act.REVIEW_CASE)
	@Transactional
	public PenaltyCase passLegalReview(long id, String opinion, Integer version) {
		return act(PenaltyAction.PASS_LEGAL_REVIEW, id, version, c -> c.passLegalReview(username(), opinion));
	}

	@Authorized(Act.REVIEW_CASE)
	@Transactional
	public PenaltyCase refuseLegalReview(long id, String opinion, Integer version) {
		return act(PenaltyAction.REFUSE_LEGAL_REVIEW, id, version, c -> c.refuseLegalReview(username(), opinion));
	}

	/** 告知 the intended fine, inside the statutory range; the hearing right follows from the body's 较大数额. */
	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase notifyParty(long id, long amount, Integer version) {
		PenaltyCase penaltyCase = penaltyCase(id);
		requireInRange(penaltyCase, amount);
		long larger = catalogue.settings().hearingThreshold(penaltyCase.party());
		return act(PenaltyAction.NOTIFY, penaltyCase, version, c -> c.notifyParty(amount, larger, today()));
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase requestHearing(long id, LocalDate requestedOn, Integer version) {
		return act(PenaltyAction.REQUEST_HEARING, id, version, c -> c.requestHearing(requestedOn));
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase holdHearing(long id, LocalDate noticedOn, LocalDate heldOn, Integer version) {
		return act(PenaltyAction.HOLD_HEARING, id, version, c -> c.holdHearing(noticedOn, heldOn));
	}

	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase recordDiscussion(long id, String record, Integer version) {
		return act(PenaltyAction.RECORD_DISCUSSION, id, version, c -> c.recordDiscussion(record));
	}

	/**
	 * 决定 by the leader, inside the statutory range, with the four reasons. The decided penalty is a fact of the
	 * enterprise's grade from that day (recorded here, in the same transaction) and is published as
	 * {@link PenaltyDecided}.
	 */
	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase decide(long id, long amount, FourReasons reasons, Integer version) {
		PenaltyCase penaltyCase = penaltyCase(id);
		facts.lockFirst(penaltyCase.uscc());
		requireInRange(penaltyCase, amount);
		PenaltyCase decided = acts.perform(PenaltyAction.DECIDE, penaltyCase, version,
				c -> c.decide(amount, reasons, username(), today()), cases::save,
				c -> new PenaltyDecided(c.id(), c.bodyId(), c.uscc(), c.entryId(), amount, c.decidedOn()));
		facts.record(RiskFact.penalty(decided.uscc(), decided.decidedOn(), BigDecimal.valueOf(amount),
				"penalty:" + decided.id()));
		return decided;
	}

	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase decideNotToPunish(long id, String ground, Integer version) {
		return act(PenaltyAction.DECIDE_NOT_TO_PUNISH, id, version,
				c -> c.decideNotToPunish(ground, username(), today()));
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase transfer(long id, String to, Integer version) {
		return act(PenaltyAction.TRANSFER, id, version, c -> c.transfer(to));
	}

	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase extend(long id, int days, String reason, Integer version) {
		return act(PenaltyAction.EXTEND, id, version, c -> c.extend(days, reason, username()));
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase deliver(long id, LocalDate on, Integer version) {
		return act(PenaltyAction.DELIVER, id, version, c -> c.deliver(on));
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase recordPayment(long id, LocalDate on, long amount, Integer version) {
		return act(PenaltyAction.RECORD_PAYMENT, id, version, c -> c.recordPayment(on, amount));
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase close(long id, Integer version) {
		return act(PenaltyAction.CLOSE, id, version, c -> c.close(today()));
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	private void requireInRange(PenaltyCase penaltyCase, long amount) {
		CatalogueEntry entry = catalogue.entry(penaltyCase.entryId());
		DiscretionPolicy.amount(entry, StatutoryRange.of(entry), amount).orRefuseInput("amount");
	}

	private PenaltyCase act(PenaltyAction action, long id, Integer version, Consumer<PenaltyCase> act) {
		return act(action, penaltyCase(id), version, act);
	}

	private PenaltyCase act(PenaltyAction action, PenaltyCase penaltyCase, Integer version,
			Consumer<PenaltyCase> act) {
		return acts.perform(action, penaltyCase, version, act, cases::save);
	}

	private Actor actor() {
		return actors.current().orElseThrow(() -> new IllegalStateException("no one is logged in"));
	}

	private String username() {
		return actor().username();
	}
}
