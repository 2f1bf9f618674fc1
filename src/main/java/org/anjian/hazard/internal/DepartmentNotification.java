package org.anjian.hazard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notification of a hazard to another department (抄告): an officer sends it in the name of their enforcement body,
 * with what is asked and a reply-by day, and later records the department's reply. Each act runs in one transaction
 * under its name in the audit trail; the caller's jurisdiction limits, in the database, which hazards and notices it
 * reaches.
 */
@Service
public class DepartmentNotification {

	private final DepartmentNotices notices;
	private final HazardRectification rectification;
	private final CurrentActor actors;
	private final AuditTrail audit;
	private final OfficialActs acts;
	private final HazardAuthority authority;
	private final Clock clock;

	DepartmentNotification(DepartmentNotices notices, HazardRectification rectification, CurrentActor actors,
			AuditTrail audit, OfficialActs acts, HazardAuthority authority, Clock clock) {
		this.authority = authority;
		this.notices = notices;
		this.rectification = rectification;
		this.actors = actors;
		this.audit = audit;
		this.acts = acts;
		this.clock = clock;
	}

	/** What an officer fills in to notify a department. */
	public record NoticeOrder(Department department, String departmentName, String request, LocalDate replyBy) {
	}

	public List<DepartmentNotice> ofHazard(long hazardId) {
		return notices.findByHazard(hazardId);
	}

	/** A notice of the hazard; one of another hazard is not found under this one's address. */
	public DepartmentNotice notice(long hazardId, long noticeId) {
		return notices.findById(noticeId).filter(n -> n.hazardId() == hazardId)
			.orElseThrow(() -> new NotFoundException("抄告 " + noticeId + " 不存在或不在您的管辖范围内"));
	}

	public LocalDate today() {
		return LocalDate.now(clock);
	}

	/** 抄告, in the name of the officer's own enforcement body. */
	@Authorized(Act.NOTIFY_DEPARTMENT)
	@Transactional
	public DepartmentNotice send(long hazardId, NoticeOrder order) {
		audit.describe(HazardAction.NOTIFY_DEPARTMENT);
		Actor officer = officer();
		if (officer.bodyId() == null) {
			throw new InvalidInputException("department", "只有执法主体的人员可以发出抄告");
		}
		Hazard hazard = rectification.hazard(hazardId);
		authority.requireActing(hazard);
		return notices.save(DepartmentNotice.send(hazard, officer.bodyId(), order.department(), order.departmentName(),
				order.request(), order.replyBy(), officer.username(), clock.instant(), today()));
	}

	/** The department's reply, recorded by an officer on the version they saw. */
	@Authorized(Act.NOTIFY_DEPARTMENT)
	@Transactional
	public DepartmentNotice recordReply(long hazardId, long noticeId, String reply, LocalDate on, Integer version) {
		Actor officer = officer();
		authority.requireActing(rectification.hazard(hazardId));
		return acts.perform(HazardAction.RECORD_NOTICE_REPLY, notice(hazardId, noticeId), version,
				n -> n.recordReply(reply, on, officer.username(), today()), notices::save);
	}

	private Actor officer() {
		Actor actor = actors.current().orElseThrow(() -> new AccessDeniedException("请先登录"));
		if (actor.isEnterprise()) {
			throw new AccessDeniedException("抄告由执法人员办理");
		}
		return actor;
	}
}
