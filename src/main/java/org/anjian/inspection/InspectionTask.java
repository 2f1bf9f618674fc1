package org.anjian.inspection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.Versioned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An inspection of one enterprise by one enforcement body (执法检查任务), with its inspection code (检查码) issued
 * when the task is created. Its lifecycle is {@link InspectionStatus}: the on-site plan is submitted and approved
 * by a leader before the visit; recording starts the inspection; finishing it closes the record.
 */
@Table("inspection_task")
public class InspectionTask implements Versioned {

	static final String ON_SITE = "ON_SITE";
	static final String REMOTE = "REMOTE";

	private @Id Long id;
	private final long bodyId;
	private final String districtCode;
	private final String streetCode;
	private final String uscc;
	private final InspectionOrigin origin;
	private final Long planItemId;
	private final String reason;
	private final String mode;
	private String[] matters;
	private LocalDate plannedOn;
	private InspectionStatus status;
	private final String codeToken;
	private Long leadOfficerId;
	private Long secondOfficerId;
	private String planApprovedBy;
	private Instant planApprovedAt;
	private Instant startedAt;
	private Instant finishedAt;
	private String documentNumber;
	private String cancelReason;
	private String repeatReason;
	private String[] mergedReasons;
	private final String createdBy;
	private @Version Integer version;

	@PersistenceCreator
	InspectionTask(Long id, long bodyId, String districtCode, String streetCode, String uscc, InspectionOrigin origin,
			Long planItemId, String reason, String mode, String[] matters, LocalDate plannedOn, InspectionStatus status,
			String codeToken, Long leadOfficerId, Long secondOfficerId, String planApprovedBy, Instant planApprovedAt,
			Instant startedAt, Instant finishedAt, String documentNumber, String cancelReason, String repeatReason,
			String[] mergedReasons, String createdBy, Integer version) {
		this.id = id;
		this.bodyId = bodyId;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.uscc = uscc;
		this.origin = origin;
		this.planItemId = planItemId;
		this.reason = reason;
		this.mode = mode;
		this.matters = matters;
		this.plannedOn = plannedOn;
		this.status = status;
		this.codeToken = codeToken;
		this.leadOfficerId = leadOfficerId;
		this.secondOfficerId = secondOfficerId;
		this.planApprovedBy = planApprovedBy;
		this.planApprovedAt = planApprovedAt;
		this.startedAt = startedAt;
		this.finishedAt = finishedAt;
		this.documentNumber = documentNumber;
		this.cancelReason = cancelReason;
		this.repeatReason = repeatReason;
		this.mergedReasons = mergedReasons == null ? new String[0] : mergedReasons;
		this.createdBy = createdBy;
		this.version = version;
	}

	/** A new task of a body: from a plan item, or with the reason it is needed. */
	public static InspectionTask open(long bodyId, String districtCode, String streetCode, String uscc, InspectionOrigin origin,
			Long planItemId, String reason, List<String> matters, LocalDate plannedOn, Long lead, Long second,
			String token, String by) {
		if (origin != InspectionOrigin.PLAN && (reason == null || reason.isBlank())) {
			throw new InvalidInputException("reason", origin.label() + "须写明检查理由");
		}
		if (matters == null || matters.isEmpty()) {
			throw new InvalidInputException("matters", "请至少列明一项执法事项");
		}
		if (lead != null && lead.equals(second)) {
			throw new InvalidInputException("secondOfficerId", "执法检查须由两名不同的执法人员进行");
		}
		return new InspectionTask(null, bodyId, districtCode, streetCode, uscc, origin, planItemId,
				reason == null ? null : reason.trim(), "ON_SITE", matters.toArray(String[]::new), plannedOn,
				InspectionStatus.OPEN, token, lead, second, null, null, null, null, null, null, null, null, by, null);
	}

	/**
	 * A non-site inspection (非现场检查) opened by hand: like {@link #open} for a task outside the plan, with its
	 * reason, but the enterprise sends materials for the plan's items instead of receiving a visit.
	 */
	public static InspectionTask openRemote(long bodyId, String districtCode, String streetCode, String uscc, String reason,
			List<String> matters, LocalDate plannedOn, String token, String by) {
		InspectionTask task = open(bodyId, districtCode, streetCode, uscc, InspectionOrigin.MANUAL, null, reason, matters,
				plannedOn, null, null, token, by);
		return new InspectionTask(null, bodyId, districtCode, streetCode, uscc, InspectionOrigin.MANUAL, null,
				task.reason, REMOTE, task.matters, plannedOn, InspectionStatus.OPEN, token, null, null, null, null, null,
				null, null, null, null, null, by, null);
	}

	/**
	 * 统筹归并: a triggered inspection of the same enterprise joins this planned one instead of a second visit; the
	 * trigger's reason is kept beside the plan's and its matters are added to the task's.
	 */
	public void mergeTrigger(String why, List<String> triggerMatters) {
		if (origin != InspectionOrigin.PLAN) {
			throw new InvalidTransitionException(origin.name(), "MERGE", "只有计划检查可以归并触发式检查，该任务为" + origin.label());
		}
		if (status == InspectionStatus.FINISHED || status == InspectionStatus.CANCELLED) {
			throw new InvalidTransitionException(status.name(), "MERGE",
					"检查任务当前为“" + status.label() + "”，不能归并触发式检查");
		}
		if (why == null || why.isBlank()) {
			throw new InvalidInputException("reason", "归并的触发式检查须写明理由");
		}
		List<String> reasons = new ArrayList<>(List.of(mergedReasons));
		reasons.add(why.trim());
		this.mergedReasons = reasons.toArray(String[]::new);
		LinkedHashSet<String> all = new LinkedHashSet<>(List.of(matters));
		if (triggerMatters != null) {
			triggerMatters.stream().filter(m -> m != null && !m.isBlank()).map(String::trim).forEach(all::add);
		}
		this.matters = all.toArray(String[]::new);
	}

	public void submitPlan() {
		if (leadOfficerId == null || secondOfficerId == null) {
			throw new InvalidInputException("officers", "检查方案须指定主办人和协办人两名执法人员");
		}
		moveTo(InspectionStatus.PLAN_SUBMITTED, "提交检查方案");
	}

	public void returnPlan() {
		moveTo(InspectionStatus.OPEN, "退回检查方案");
	}

	public void approvePlan(String leader, Instant now) {
		moveTo(InspectionStatus.PLAN_APPROVED, "批准检查方案");
		this.planApprovedBy = leader;
		this.planApprovedAt = now;
	}

	/** The first item recorded starts the inspection; later ones find it started. */
	public void record(Instant now) {
		if (status == InspectionStatus.IN_PROGRESS) {
			return;
		}
		moveTo(InspectionStatus.IN_PROGRESS, "开始记录");
		this.startedAt = now;
	}

	public void finish(Instant now, String number) {
		moveTo(InspectionStatus.FINISHED, "完成检查");
		this.finishedAt = now;
		this.documentNumber = number;
	}

	public void cancel(String why) {
		if (why == null || why.isBlank()) {
			throw new InvalidInputException("reason", "取消检查任务须写明理由");
		}
		moveTo(InspectionStatus.CANCELLED, "取消");
		this.cancelReason = why.trim();
	}

	public void assign(Long lead, Long second, String repeatReason) {
		requireEditable("指定执法人员");
		if (lead == null || second == null || lead.equals(second)) {
			throw new InvalidInputException("secondOfficerId", "执法检查须由两名不同的执法人员进行");
		}
		this.leadOfficerId = lead;
		this.secondOfficerId = second;
		this.repeatReason = repeatReason == null || repeatReason.isBlank() ? null : repeatReason.trim();
	}

	/** The on-site plan changes only before it is submitted. */
	public void requireEditable(String act) {
		if (status != InspectionStatus.OPEN) {
			throw new InvalidTransitionException(status.name(), act,
					"检查任务当前为“" + status.label() + "”，只有待检查的任务可以" + act);
		}
	}

	private void moveTo(InspectionStatus target, String act) {
		if (!status.allows(target)) {
			throw new InvalidTransitionException(status.name(), target.name(),
					"检查任务当前为“" + status.label() + "”，不能" + act);
		}
		status = target;
	}

	public Long id() {
		return id;
	}

	public long bodyId() {
		return bodyId;
	}

	public String districtCode() {
		return districtCode;
	}

	public String streetCode() {
		return streetCode;
	}

	public String uscc() {
		return uscc;
	}

	public InspectionOrigin origin() {
		return origin;
	}

	public Long planItemId() {
		return planItemId;
	}

	public String reason() {
		return reason;
	}

	/** ON_SITE (现场检查) or REMOTE (非现场检查). */
	public String mode() {
		return mode;
	}

	public boolean remote() {
		return REMOTE.equals(mode);
	}

	public List<String> matters() {
		return List.of(matters);
	}

	public LocalDate plannedOn() {
		return plannedOn;
	}

	public InspectionStatus status() {
		return status;
	}

	public String codeToken() {
		return codeToken;
	}

	public Long leadOfficerId() {
		return leadOfficerId;
	}

	public Long secondOfficerId() {
		return secondOfficerId;
	}

	public String planApprovedBy() {
		return planApprovedBy;
	}

	public Instant planApprovedAt() {
		return planApprovedAt;
	}

	public Instant startedAt() {
		return startedAt;
	}

	public Instant finishedAt() {
		return finishedAt;
	}

	/**
	 * The day of the inspection: the day its first item was recorded on site (or remotely), else the day it was
	 * finished; none before it started. Not the planned day, which the visit may have missed.
	 */
	public LocalDate inspectedOn(java.time.ZoneId zone) {
		Instant day = startedAt != null ? startedAt : finishedAt;
		return day == null ? null : LocalDate.ofInstant(day, zone);
	}

	public String documentNumber() {
		return documentNumber;
	}

	public String cancelReason() {
		return cancelReason;
	}

	public String repeatReason() {
		return repeatReason;
	}

	/** The reasons of the triggered inspections merged into this planned one (统筹归并), oldest first. */
	public List<String> mergedReasons() {
		return List.of(mergedReasons);
	}

	public String createdBy() {
		return createdBy;
	}

	@Override
	public Integer version() {
		return version == null ? 0 : version;
	}
}
