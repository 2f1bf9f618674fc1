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
import org.anjian.hazard.Hazard;
import org.anjian.hazard.Hazards;
import org.anjian.organization.EnforcementBodies;
import org.anjian.penalty.internal.EvidenceItems;
import org.anjian.penalty.internal.PenaltyAction;
import org.anjian.penalty.internal.PenaltyCases;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
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
	private final EvidenceItems evidence;
	private final Hazards hazards;
	private final int defenceDays;
	private final WorkingDays workingDays;
	private final PenaltyDocuments documents;
	private final ApplicationEventPublisher events;
	private final EnforcementBodies bodies;

	PenaltyProcedure(PenaltyCases cases, PenaltyCatalogue catalogue, FactIntake facts, EnterpriseRegistry registry,
			CurrentActor actors, AuditTrail audit, OfficialActs acts, Clock clock, EvidenceItems evidence,
			Hazards hazards, WorkingDays workingDays, @Value("${anjian.penalty.defence-days:3}") int defenceDays,
			PenaltyDocuments documents, ApplicationEventPublisher events, EnforcementBodies bodies) {
		this.events = events;
		this.bodies = bodies;
		this.workingDays = workingDays;
		if (defenceDays < 1 || defenceDays > 30) {
			throw new IllegalArgumentException("anjian.penalty.defence-days 应在 1 至 30 日之间，不是 " + defenceDays);
		}
		this.documents = documents;
		this.evidence = evidence;
		this.hazards = hazards;
		this.defenceDays = defenceDays;
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

	/** The cases in the given states the caller's jurisdiction reaches, newest first, a page at a time. */
	public ResultPage<PenaltyCase> cases(java.util.Collection<CaseStatus> states, Integer page) {
		return cases.inStates(states.stream().map(Enum::name).toList(), page);
	}

	public List<PenaltyCase> ofEnterprise(String uscc) {
		return cases.findByUscc(uscc);
	}

	/** A case's evidence in the order recorded. */
	public List<Evidence> evidence(long id) {
		return evidence.of(penaltyCase(id).id());
	}

	/** The national calendar's working days, for the deadlines the law counts in them (APL 85). */
	public WorkingDays workingDays() {
		return workingDays;
	}

	/** The working days the party has to state and defend after the notice (本机关设定). */
	public int defenceDays() {
		return defenceDays;
	}

	/**
	 * 立案申请 from a hazard an inspection found (its failed checklist item) or the enterprise reported: the enterprise
	 * and the facts come from the hazard, the case remembers where it came from.
	 */
	@Authorized(Act.FILE_CASE)
	@Transactional
	public PenaltyCase fileFromHazard(long hazardId, Party party, String entryId, String facts) {
		return fileFromHazard(hazardId, party, entryId, facts, null, false);
	}

	/** The same, with the day the act ended and whether it harmed life or health (行政处罚法第36条). */
	@Authorized(Act.FILE_CASE)
	@Transactional
	public PenaltyCase fileFromHazard(long hazardId, Party party, String entryId, String facts, LocalDate actEndedOn,
			boolean harmedLifeOrHealth) {
		Hazard hazard = hazards.findById(hazardId)
			.orElseThrow(() -> new NotFoundException("隐患 " + hazardId + " 不存在或不在您的管辖范围内"));
		CaseOrigin origin = hazard.taskId() == null ? CaseOrigin.HAZARD : CaseOrigin.INSPECTION;
		return file(hazard.uscc(), party, entryId, facts == null || facts.isBlank() ? hazard.description() : facts,
				origin, hazardId, actEndedOn, LocalDate.ofInstant(hazard.foundAt(), clock.getZone()), harmedLifeOrHealth);
	}

	/** 立案申请 by an officer of an enforcement body, for an enterprise in its jurisdiction. */
	@Authorized(Act.FILE_CASE)
	@Transactional
	public PenaltyCase file(String uscc, Party party, String entryId, String facts) {
		return file(uscc, party, entryId, facts, null, false);
	}

	/** The same, with the day the act ended and whether it harmed life or health (行政处罚法第36条). */
	@Authorized(Act.FILE_CASE)
	@Transactional
	public PenaltyCase file(String uscc, Party party, String entryId, String facts, LocalDate actEndedOn,
			boolean harmedLifeOrHealth) {
		return file(uscc, party, entryId, facts, CaseOrigin.MANUAL, null, actEndedOn, today(), harmedLifeOrHealth);
	}

	private PenaltyCase file(String uscc, Party party, String entryId, String facts, CaseOrigin origin, Long originId,
			LocalDate actEndedOn, LocalDate discoveredOn, boolean harmedLifeOrHealth) {
		audit.describe(PenaltyAction.FILE);
		Actor officer = actor();
		if (officer.bodyId() == null) {
			throw new InvalidInputException("uscc", "只有执法主体的执法人员可以立案");
		}
		Enterprise enterprise = enterprise(uscc);
		CatalogueEntry entry = entryFor(entryId, party);
		return cases.save(PenaltyCase.file(officer.bodyId(), enterprise.districtCode(), enterprise.streetCode(),
				enterprise.uscc(), party, entry.id(), facts, officer.username(), today()).from(origin, originId)
			.limitation(actEndedOn, discoveredOn, harmedLifeOrHealth));
	}

	/**
	 * 查罚衔接: a street officer hands a violation its body found (a hazard) over to the district's enforcement body,
	 * where it is filed for the district's leader to approve; the street reads the case as it goes on.
	 */
	@Authorized(Act.HAND_OVER_CASE)
	@Transactional
	public PenaltyCase handOver(long hazardId, Party party, String entryId, String facts) {
		audit.describe(PenaltyAction.HAND_OVER);
		Actor officer = actor();
		if (officer.bodyId() == null) {
			throw new InvalidInputException("hazard", "只有执法主体的执法人员可以移交案件");
		}
		Hazard hazard = hazards.findById(hazardId)
			.orElseThrow(() -> new NotFoundException("隐患 " + hazardId + " 不存在或不在您的管辖范围内"));
		Enterprise enterprise = registry.file(hazard.uscc());
		long district = bodies.findByJurisdictionCode(enterprise.districtCode())
			.orElseThrow(() -> new InvalidInputException("hazard", "企业所在区没有登记执法主体，不能移交"))
			.id();
		CatalogueEntry entry = entryFor(entryId, party);
		String text = facts == null || facts.isBlank() ? hazard.description() : facts;
		return cases.save(PenaltyCase.file(district, enterprise.districtCode(), enterprise.streetCode(), enterprise.uscc(),
				party, entry.id(), text, officer.username(), today())
			.from(hazard.taskId() == null ? CaseOrigin.HAZARD : CaseOrigin.INSPECTION, hazardId)
			.limitation(null, LocalDate.ofInstant(hazard.foundAt(), clock.getZone()), false)
			.handedOverBy(officer.bodyId()));
	}

	/**
	 * 当场处罚 (简易程序) by two officers, for an enterprise in the first officer's jurisdiction: decided and handed over
	 * on the spot, a fact of the grade and published like any decision, its decision and delivery receipt numbered.
	 */
	@Authorized(Act.FILE_CASE)
	@Transactional
	public PenaltyCase decideOnTheSpot(String uscc, Party party, String entryId, String facts, Long amount,
			List<String> factorCodes, FourReasons reasons, String defence, String secondOfficer) {
		audit.describe(PenaltyAction.DECIDE_ON_THE_SPOT);
		Actor officer = actor();
		if (officer.bodyId() == null) {
			throw new InvalidInputException("uscc", "只有执法主体的执法人员可以当场处罚");
		}
		Enterprise enterprise = enterprise(uscc);
		CatalogueEntry entry = entryFor(entryId, party);
		if (amount == null) {
			throw new InvalidInputException("amount", "请填写当场处罚的罚款数额");
		}
		DiscretionPolicy.amount(entry, StatutoryRange.of(entry), amount).orRefuseInput("amount");
		this.facts.lockFirst(enterprise.uscc());
		Discretion proposal = catalogue.propose(entry.id(), factorCodes, null);
		PenaltyCase decided = cases.save(PenaltyCase.onTheSpot(officer.bodyId(), enterprise.districtCode(),
				enterprise.streetCode(), enterprise.uscc(), party, entry.id(), facts, amount,
				catalogue.settings().hearingThreshold(party), proposal, PenaltyCatalogue.factors(factorCodes), reasons,
				defence, officer.username(), secondOfficer, today()));
		this.facts.record(RiskFact.penalty(decided.uscc(), decided.decidedOn(), BigDecimal.valueOf(amount),
				"penalty:" + decided.id()));
		events.publishEvent(new PenaltyDecided(decided.id(), decided.bodyId(), decided.uscc(), decided.entryId(), amount,
				decided.decidedOn()));
		documents.issue(decided, PenaltyDocument.Kind.DECISION);
		return documents.issue(decided, PenaltyDocument.Kind.DELIVERY_RECEIPT);
	}

	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase approveFiling(long id, List<String> investigators, Integer version) {
		return documents.issue(act(PenaltyAction.APPROVE_FILING, id, version, c -> c.approveFiling(username(), investigators, today())), PenaltyDocument.Kind.FILING_APPROVAL);
	}

	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase refuseFiling(long id, Integer version) {
		return act(PenaltyAction.REFUSE_FILING, id, version, c -> c.refuseFiling(username()));
	}

	/** 调查取证: one piece of evidence, kept beside the case; the case counts it. */
	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase recordEvidence(long id, Evidence.Kind kind, String description, Integer version) {
		PenaltyCase penaltyCase = penaltyCase(id);
		if (kind == null) {
			throw new InvalidInputException("kind", "请选择证据种类");
		}
		if (description == null || description.isBlank()) {
			throw new InvalidInputException("description", "请填写证据内容");
		}
		if (description.strip().length() > Evidence.MAX_LENGTH) {
			throw new InvalidInputException("description", "证据内容最多 " + Evidence.MAX_LENGTH + " 个字符");
		}
		PenaltyCase recorded = act(PenaltyAction.RECORD_EVIDENCE, penaltyCase, version, PenaltyCase::recordEvidence);
		evidence.add(recorded, kind, description.strip(), username(), today());
		return recorded;
	}

	/**
	 * 裁量: the no-penalty grounds answered and the circumstances ticked; the benchmark's proposal is recorded with
	 * them.
	 */
	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase assess(long id, List<String> factorCodes, Long intendedAmount, String deviationReason,
			Integer version) {
		PenaltyCase penaltyCase = penaltyCase(id);
		Discretion proposal = catalogue.propose(penaltyCase.entryId(), factorCodes, null);
		if (intendedAmount != null && !proposal.noPenalty()) {
			requireInRange(penaltyCase, intendedAmount);
		}
		return act(PenaltyAction.ASSESS, penaltyCase, version, c -> c.assess(proposal,
				PenaltyCatalogue.factors(factorCodes), intendedAmount, deviationReason, today()));
	}

	/** What the benchmark proposes for the case as its facts were ticked (null before they are). */
	public Discretion proposal(PenaltyCase penaltyCase) {
		if (penaltyCase.assessedOn() == null) {
			return null;
		}
		return catalogue.propose(penaltyCase.entryId(),
				penaltyCase.ticked().stream().map(DiscretionFactor::name).toList(), null);
	}

	/** 陈述申辩笔录: an officer records what the party stated and defended. */
	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase recordDefence(long id, String defence, Integer version) {
		return documents.issue(act(PenaltyAction.RECORD_DEFENCE, id, version, c -> c.stateDefence(defence, false, username(), today())), PenaltyDocument.Kind.DEFENCE);
	}

	/** 陈述申辩 online, by the enterprise's own user, on its own case (row security lets it reach no other). */
	@Authorized(Act.STATE_DEFENCE)
	@Transactional
	public PenaltyCase stateDefence(long id, String defence, Integer version) {
		return documents.issue(act(PenaltyAction.STATE_DEFENCE, id, version, c -> c.stateDefence(defence, true, username(), today())), PenaltyDocument.Kind.DEFENCE);
	}

	/**
	 * 听证申请 online by the enterprise (行政处罚法第六十四条「当事人要求听证的，应当在行政机关告知后五日内提出」), within its five
	 * working days, where the hearing right was told.
	 */
	@Authorized(Act.STATE_DEFENCE)
	@Transactional
	public PenaltyCase requestHearingOnline(long id, Integer version) {
		return act(PenaltyAction.REQUEST_HEARING_ONLINE, id, version, c -> c.requestHearing(today(), workingDays));
	}

	/** 放弃陈述申辩, by the enterprise online. */
	@Authorized(Act.STATE_DEFENCE)
	@Transactional
	public PenaltyCase waiveDefence(long id, Integer version) {
		return documents.issue(act(PenaltyAction.WAIVE_DEFENCE, id, version, c -> c.waiveDefence(username(), today())), PenaltyDocument.Kind.DEFENCE);
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
		return documents.issue(act(PenaltyAction.PASS_LEGAL_REVIEW, id, version, c -> c.passLegalReview(username(), opinion)), PenaltyDocument.Kind.LEGAL_OPINION);
	}

	@Authorized(Act.REVIEW_CASE)
	@Transactional
	public PenaltyCase refuseLegalReview(long id, String opinion, Integer version) {
		return documents.issue(act(PenaltyAction.REFUSE_LEGAL_REVIEW, id, version, c -> c.refuseLegalReview(username(), opinion)), PenaltyDocument.Kind.LEGAL_OPINION);
	}

	/** 告知 the intended fine, inside the statutory range; the hearing right follows from the body's 较大数额. */
	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase notifyParty(long id, long amount, Integer version) {
		PenaltyCase penaltyCase = penaltyCase(id);
		requireInRange(penaltyCase, amount);
		long larger = hearingThreshold(penaltyCase);
		return documents.issue(act(PenaltyAction.NOTIFY, penaltyCase, version,
				c -> c.notifyParty(amount, larger, defenceDays, today())), PenaltyDocument.Kind.NOTICE);
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase requestHearing(long id, LocalDate requestedOn, Integer version) {
		return act(PenaltyAction.REQUEST_HEARING, id, version, c -> c.requestHearing(requestedOn, workingDays));
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase holdHearing(long id, LocalDate noticedOn, LocalDate heldOn, Integer version) {
		return act(PenaltyAction.HOLD_HEARING, id, version, c -> c.holdHearing(noticedOn, heldOn, workingDays));
	}

	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase recordDiscussion(long id, String record, Integer version) {
		return documents.issue(act(PenaltyAction.RECORD_DISCUSSION, id, version, c -> c.recordDiscussion(record)), PenaltyDocument.Kind.DISCUSSION);
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
				c -> c.decide(amount, reasons, username(), today(), workingDays), cases::save,
				c -> new PenaltyDecided(c.id(), c.bodyId(), c.uscc(), c.entryId(), amount, c.decidedOn()));
		facts.record(RiskFact.penalty(decided.uscc(), decided.decidedOn(), BigDecimal.valueOf(amount),
				"penalty:" + decided.id()));
		return documents.issue(decided, PenaltyDocument.Kind.DECISION);
	}

	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase decideNotToPunish(long id, String ground, Integer version) {
		return documents.issue(act(PenaltyAction.DECIDE_NOT_TO_PUNISH, id, version,
				c -> c.decideNotToPunish(ground, username(), today())), PenaltyDocument.Kind.NO_PENALTY_DECISION);
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
		return documents.issue(act(PenaltyAction.DELIVER, id, version, c -> c.deliver(on)), PenaltyDocument.Kind.DELIVERY_RECEIPT);
	}

	/** 暂缓或者分期缴纳, approved by a leader on the party's application (行政处罚法第66条). */
	@Authorized(Act.APPROVE_CASE)
	@Transactional
	public PenaltyCase allowDeferral(long id, LocalDate payBy, Integer instalments, String reason, Integer version) {
		return act(PenaltyAction.ALLOW_DEFERRAL, id, version,
				c -> c.allowDeferral(payBy, instalments == null ? 1 : instalments, reason, username()));
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase recordPayment(long id, LocalDate on, long amount, Integer version) {
		return act(PenaltyAction.RECORD_PAYMENT, id, version, c -> c.recordPayment(on, amount));
	}

	@Authorized(Act.HANDLE_CASE)
	@Transactional
	public PenaltyCase close(long id, Integer version) {
		return documents.issue(act(PenaltyAction.CLOSE, id, version, c -> c.close(today())), PenaltyDocument.Kind.CLOSING_APPROVAL);
	}

	/** The 较大数额 for the case's party (本机关设定). */
	public long hearingThreshold(PenaltyCase penaltyCase) {
		return catalogue.settings().hearingThreshold(penaltyCase.party());
	}

	/** The enterprise first: one outside the officer's jurisdiction is not found, whatever else was sent. */
	private Enterprise enterprise(String uscc) {
		if (uscc == null || uscc.isBlank()) {
			throw new InvalidInputException("uscc", "请填写企业的统一社会信用代码");
		}
		return registry.file(uscc.strip());
	}

	/** The catalogue entry of the violation, which punishes the party chosen. */
	private CatalogueEntry entryFor(String entryId, Party party) {
		if (party == null) {
			throw new InvalidInputException("party", "请选择处罚对象（单位或责任人员）");
		}
		CatalogueEntry entry = catalogue.entry(entryId);
		if (entry.party() != party) {
			throw new InvalidInputException("entryId", entry.citation() + "的该项罚款针对" + entry.party().label() + "，不是"
					+ party.label());
		}
		return entry;
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
