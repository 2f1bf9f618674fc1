package org.anjian.hazard;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.audit.OfficialActs;
import org.anjian.hazard.internal.HazardAction;
import org.anjian.hazard.internal.HazardAuthority;
import org.anjian.hazard.internal.HazardGrades;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official acts of a hazard's closure: the order to rectify by a deadline (责令限期整改), the enterprise's
 * report of its rectification, the officer's re-inspection that closes it (复查销号) or sends it back with a new
 * deadline. Each act runs in one transaction on the version the caller saw, under its name in the audit trail; the
 * grade follows at once (an open major or overdue hazard counts until it is closed), and the acts other modules
 * react to are published as events. Other modules read a task's hazards here ({@link #ofTask}).
 */
@Service
public class HazardRectification {

	private final Hazards hazards;
	private final HazardGrades grades;
	private final OfficialActs acts;
	private final HazardAuthority authority;
	private final Clock clock;

	HazardRectification(Hazards hazards, HazardGrades grades, OfficialActs acts, HazardAuthority authority,
			Clock clock) {
		this.hazards = hazards;
		this.grades = grades;
		this.acts = acts;
		this.authority = authority;
		this.clock = clock;
	}

	public Hazard hazard(long id) {
		return hazards.findById(id).orElseThrow(() -> new NotFoundException("隐患 " + id + " 不存在或不在您的管辖范围内"));
	}

	public List<Hazard> ofEnterprise(String uscc) {
		return hazards.findByEnterprise(uscc);
	}

	/** The hazards an inspection found, in the order they were recorded, each with where it stands. */
	public List<Hazard> ofTask(long taskId) {
		return hazards.findByTask(taskId);
	}

	/** Today in Shanghai, by the application's clock. */
	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/**
	 * A hazard the person acting now may act on: the body that found it and those above it ({@link HazardAuthority});
	 * anyone else who reads it is refused.
	 */
	private Hazard acting(long id) {
		Hazard hazard = hazard(id);
		authority.requireActing(hazard);
		return hazard;
	}

	/** 责令限期整改: only a hazard just found; the deadline lies after today. */
	@Authorized(Act.ORDER_RECTIFICATION)
	@Transactional
	public Hazard orderRectification(long id, LocalDate deadline, Integer version) {
		return acts.perform(HazardAction.ORDER_RECTIFICATION, acting(id), version,
				h -> h.orderRectification(deadline, today()), hazards::save);
	}

	/** The enterprise reports what it did; the hazard waits for re-inspection. */
	@Transactional
	public Hazard submitEvidence(long id, String note, Integer version) {
		return acts.perform(HazardAction.SUBMIT_RECTIFICATION, hazard(id), version,
				h -> h.submitEvidence(note, clock.instant()), hazards::save);
	}

	/** 复查合格，销号: the hazard is closed and stops counting against the enterprise's grade. */
	@Authorized(Act.VERIFY_HAZARD)
	@Transactional
	public Hazard verify(long id, String officer, Long secondOfficerId, String note, Integer version) {
		Hazard acted = acting(id);
		lockGrade(acted.uscc());
		LocalDate today = today();
		Hazard hazard = acts.perform(HazardAction.VERIFY, hazard(id), version, h -> {
			if (h.status() == HazardStatus.SUBMITTED) {
				// the state's refusal comes first; a hazard that may be closed needs its second officer
				authority.requireSecondOfficer(h, secondOfficerId);
			}
			h.verify(officer, secondOfficerId, note, clock.instant());
		}, hazards::save,
				h -> new HazardVerified(h.id(), h.uscc(), today, h.major()));
		grades.resolve(hazard, today);
		return hazard;
	}

	/** 复查不合格: back to rectification by a new deadline, with the reason; a follow-up inspection is due. */
	@Authorized(Act.VERIFY_HAZARD)
	@Transactional
	public Hazard failReinspection(long id, LocalDate newDeadline, String note, Integer version) {
		return acts.perform(HazardAction.FAIL_REINSPECTION, acting(id), version,
				h -> h.failReinspection(newDeadline, today(), note), hazards::save,
				h -> new HazardReinspectionFailed(h.id(), h.uscc(), h.districtCode(), h.streetCode(), h.deadline(),
						h.major(), h.reinspectionNote()));
	}

	/** The enterprise's regrade lock, taken before a transaction that will touch its grade writes anything. */
	void lockGrade(String uscc) {
		grades.lockFirst(uscc);
	}

	/** Records the hazard as a fact of its enterprise's grade (once: the source names the hazard). */
	void recordFound(Hazard hazard) {
		grades.recordFound(hazard);
	}
}
