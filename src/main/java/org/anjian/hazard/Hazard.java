package org.anjian.hazard;

import java.time.Instant;
import java.time.LocalDate;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.Versioned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A hazard (事故隐患) found at an enterprise, with its lifecycle ({@link HazardStatus}): one method per official
 * act, each refusing an act its state does not allow with a message naming both states. Overdue is derived from
 * the deadline and the day, never stored.
 */
@Table("hazard")
public class Hazard implements Versioned {

	private @Id Long id;
	private final String districtCode;
	private final String streetCode;
	private final String actingCode;
	private final String uscc;
	private final Long taskId;
	private final Long checklistItemId;
	private final String description;
	private final String legalBasis;
	private final boolean major;
	private HazardStatus status;
	private final Instant foundAt;
	private LocalDate deadline;
	private String rectificationNote;
	private Instant submittedAt;
	private String reinspectionNote;
	private Instant verifiedAt;
	private String verifiedBy;
	/** The second officer of the re-inspection (复查销号 is made by two). */
	private Long verifiedWith;
	private @Version Integer version;

	@PersistenceCreator
	Hazard(Long id, String districtCode, String streetCode, String actingCode, String uscc, Long taskId,
			Long checklistItemId, String description, String legalBasis, boolean major, HazardStatus status,
			Instant foundAt, LocalDate deadline, String rectificationNote, Instant submittedAt, String reinspectionNote,
			Instant verifiedAt, String verifiedBy, Integer version) {
		this.id = id;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.actingCode = actingCode;
		this.uscc = uscc;
		this.taskId = taskId;
		this.checklistItemId = checklistItemId;
		this.description = description;
		this.legalBasis = legalBasis;
		this.major = major;
		this.status = status;
		this.foundAt = foundAt;
		this.deadline = deadline;
		this.rectificationNote = rectificationNote;
		this.submittedAt = submittedAt;
		this.reinspectionNote = reinspectionNote;
		this.verifiedAt = verifiedAt;
		this.verifiedBy = verifiedBy;
		this.version = version;
	}

	/**
	 * A hazard just found, not yet ordered to be rectified: at the enterprise's place (its district and street, where
	 * the officers of that place read it), by the body of {@code actingCode}'s jurisdiction (which alone, with those
	 * above it, acts on it), through the inspection task (and the item of its checklist) whose record found it, with
	 * the legal basis it breaches, when there is one.
	 */
	static Hazard found(String districtCode, String streetCode, String actingCode, String uscc, Long taskId,
			Long checklistItemId, String description, String legalBasis, boolean major, Instant at) {
		if (description == null || description.isBlank()) {
			throw new InvalidInputException("description", "请描述发现的隐患");
		}
		return new Hazard(null, districtCode, streetCode, actingCode, uscc, taskId, checklistItemId, description.trim(),
				legalBasis == null || legalBasis.isBlank() ? null : legalBasis.trim(), major, HazardStatus.FOUND, at, null,
				null, null, null, null, null, null);
	}

	/** 责令限期整改: the enterprise rectifies by the deadline, which lies after the day of the order. */
	public void orderRectification(LocalDate newDeadline, LocalDate today) {
		requireDeadline(newDeadline, today);
		requireIn(HazardStatus.FOUND, HazardStatus.RECTIFYING, "责令整改");
		moveTo(HazardStatus.RECTIFYING, "责令整改");
		this.deadline = newDeadline;
	}

	/** The enterprise reports the rectification done, saying what it did (its files are kept beside). */
	public void submitEvidence(String note, Instant at) {
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("note", "请说明整改了什么、怎样整改的");
		}
		moveTo(HazardStatus.SUBMITTED, "提交整改材料");
		this.rectificationNote = note.trim();
		this.submittedAt = at;
	}

	/**
	 * 复查合格，销号: two officers re-inspected and found the hazard removed; {@code officer} acts, with
	 * {@code secondOfficerId} (whom the caller has checked by ReinspectionPolicy).
	 */
	public void verify(String officer, Long secondOfficerId, String note, Instant at) {
		moveTo(HazardStatus.VERIFIED, "复查销号");
		this.verifiedBy = officer;
		this.verifiedWith = secondOfficerId;
		this.verifiedAt = at;
		this.reinspectionNote = note == null || note.isBlank() ? null : note.trim();
	}

	/** The re-inspection failed: back to rectification with a new deadline and the reason. */
	public void failReinspection(LocalDate newDeadline, LocalDate today, String note) {
		requireDeadline(newDeadline, today);
		if (note == null || note.isBlank()) {
			throw new InvalidInputException("note", "请说明复查不合格的原因");
		}
		requireIn(HazardStatus.SUBMITTED, HazardStatus.RECTIFYING, "复查不合格、重新限期整改");
		moveTo(HazardStatus.RECTIFYING, "复查不合格、重新限期整改");
		this.deadline = newDeadline;
		this.reinspectionNote = note.trim();
	}

	/** Past its deadline and not yet closed or submitted for re-inspection. */
	public boolean overdueOn(LocalDate day) {
		return status == HazardStatus.RECTIFYING && deadline != null && day.isAfter(deadline);
	}

	private static void requireDeadline(LocalDate deadline, LocalDate today) {
		if (deadline == null || !deadline.isAfter(today)) {
			throw new InvalidInputException("deadline", "整改期限须晚于今天");
		}
	}

	/** Two acts lead to RECTIFYING, each from its own state only. */
	private void requireIn(HazardStatus from, HazardStatus target, String act) {
		if (status != from) {
			throw new InvalidTransitionException(status.name(), target.name(),
					"隐患当前为“" + status.label() + "”，不能" + act + "（只有“" + from.label() + "”的隐患可以）");
		}
	}

	private void moveTo(HazardStatus target, String act) {
		if (!status.allows(target)) {
			throw new InvalidTransitionException(status.name(), target.name(),
					"隐患当前为“" + status.label() + "”，不能" + act + "（转为“" + target.label() + "”）");
		}
		status = target;
	}

	public Long id() {
		return id;
	}

	public String districtCode() {
		return districtCode;
	}

	public String streetCode() {
		return streetCode;
	}

	/**
	 * The jurisdiction of the body that found the hazard and acts on it, as a division code: 310000 for the city, a
	 * district's or a street's code.
	 */
	public String actingCode() {
		return actingCode;
	}

	public String legalBasis() {
		return legalBasis;
	}

	public String rectificationNote() {
		return rectificationNote;
	}

	public Instant submittedAt() {
		return submittedAt;
	}

	public String reinspectionNote() {
		return reinspectionNote;
	}

	public Instant verifiedAt() {
		return verifiedAt;
	}

	public String verifiedBy() {
		return verifiedBy;
	}

	/** The second officer of the re-inspection (none for a hazard closed before two were required). */
	public Long verifiedWith() {
		return verifiedWith;
	}

	/** As read from its row ({@link HazardRows}); the repository sets it the same way. */
	void verifiedWith(Long officer) {
		this.verifiedWith = officer;
	}

	@Override
	public Integer version() {
		return version;
	}

	public String uscc() {
		return uscc;
	}

	/** The checklist item whose failure found the hazard; null for one found otherwise. */
	public Long checklistItemId() {
		return checklistItemId;
	}

	public Long taskId() {
		return taskId;
	}

	public String description() {
		return description;
	}

	public boolean major() {
		return major;
	}

	public HazardStatus status() {
		return status;
	}

	public LocalDate deadline() {
		return deadline;
	}

	public Instant foundAt() {
		return foundAt;
	}
}
