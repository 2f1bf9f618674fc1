package org.anjian.hazard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.anjian.audit.AuditTrail;
import org.anjian.grading.FactIntake;
import org.anjian.grading.FactKind;
import org.anjian.grading.RiskFact;
import org.anjian.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official acts of a hazard's closure: the order to rectify by a deadline (责令限期整改), the enterprise's
 * report of its rectification, the officer's re-inspection that closes it (复查销号) or sends it back with a new
 * deadline. Each act runs in one transaction on the version the caller saw, under its name in the audit trail; the
 * grade follows at once (an open major or overdue hazard counts until it is closed), and the acts other modules
 * react to are published as events.
 */
@Service
public class HazardRectification {

	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private final Hazards hazards;
	private final FactIntake facts;
	private final AuditTrail audit;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	HazardRectification(Hazards hazards, FactIntake facts, AuditTrail audit, ApplicationEventPublisher events) {
		this.hazards = hazards;
		this.facts = facts;
		this.audit = audit;
		this.events = events;
		this.clock = Clock.system(SHANGHAI);
	}

	public Hazard hazard(long id) {
		return hazards.findById(id).orElseThrow(() -> new NotFoundException("隐患 " + id + " 不存在或不在您的管辖范围内"));
	}

	public List<Hazard> ofEnterprise(String uscc) {
		return hazards.findByEnterprise(uscc);
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** 责令限期整改: only a hazard just found; the deadline lies after today. */
	@Transactional
	public Hazard orderRectification(long id, LocalDate deadline, Integer version) {
		return act(id, version, "hazard.order-rectification", h -> h.orderRectification(deadline, today()));
	}

	/** The enterprise reports what it did; the hazard waits for re-inspection. */
	@Transactional
	public Hazard submitEvidence(long id, String note, Integer version) {
		return act(id, version, "hazard.submit-rectification", h -> h.submitEvidence(note, clock.instant()));
	}

	/** 复查合格，销号: the hazard is closed and stops counting against the enterprise's grade. */
	@Transactional
	public Hazard verify(long id, String officer, String note, Integer version) {
		lockGrade(hazard(id).uscc());
		Hazard hazard = act(id, version, "hazard.verify", h -> h.verify(officer, note, clock.instant()));
		facts.resolve(hazard.uscc(), source(hazard), today());
		facts.resolve(hazard.uscc(), overdueSource(hazard.id()), today());
		events.publishEvent(new HazardVerified(hazard.id(), hazard.uscc(), today(), hazard.major()));
		return hazard;
	}

	/** 复查不合格: back to rectification by a new deadline, with the reason; a follow-up inspection is due. */
	@Transactional
	public Hazard failReinspection(long id, LocalDate newDeadline, String note, Integer version) {
		Hazard hazard = act(id, version, "hazard.fail-reinspection", h -> h.failReinspection(newDeadline, today(), note));
		events.publishEvent(new HazardReinspectionFailed(hazard.id(), hazard.uscc(), hazard.districtCode(),
				hazard.streetCode(), hazard.deadline(), hazard.major(), hazard.reinspectionNote()));
		return hazard;
	}

	/** The enterprise's regrade lock, taken before a transaction that will touch its grade writes anything. */
	void lockGrade(String uscc) {
		facts.lockFirst(uscc);
	}

	/** Records the hazard as a fact of its enterprise's grade (once: the source names the hazard). */
	void recordFound(Hazard hazard) {
		FactKind kind = hazard.major() ? FactKind.MAJOR_HAZARD : FactKind.GENERAL_HAZARD;
		facts.record(RiskFact.of(hazard.uscc(), kind, LocalDate.ofInstant(hazard.foundAt(), SHANGHAI), source(hazard)));
	}

	/** Records a passed deadline as a fact that keeps the grade up until the hazard is closed. */
	void recordOverdue(Hazard hazard, LocalDate on) {
		facts.record(RiskFact.of(hazard.uscc(), FactKind.OVERDUE_HAZARD, on, overdueSource(hazard.id())));
	}

	static String source(Hazard hazard) {
		return "hazard:" + hazard.id();
	}

	static String overdueSource(long hazardId) {
		return "hazard-overdue:" + hazardId;
	}

	private Hazard act(long id, Integer version, String name, Consumer<Hazard> act) {
		audit.describe(name);
		Hazard hazard = hazard(id);
		if (version != null && !Objects.equals(version, hazard.version())) {
			throw new OptimisticLockingFailureException("stale hazard " + id + " version " + version
					+ " (now " + hazard.version() + ")");
		}
		act.accept(hazard);
		return hazards.save(hazard);
	}
}
