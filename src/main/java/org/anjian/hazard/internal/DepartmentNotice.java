package org.anjian.hazard.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.anjian.hazard.Hazard;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.Versioned;
import org.anjian.shared.Zone;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A notice of a hazard to another department (抄告): which department, what is asked of it, the day to reply by, the
 * issuing body; then the reply as an officer records it. Its lifecycle is {@link NoticeStatus}; awaiting a reply past
 * the reply-by day is derived from the day, never stored.
 */
@Table("department_notice")
public class DepartmentNotice implements Versioned {

	private @Id Long id;
	private final String districtCode;
	private final String streetCode;
	private final long hazardId;
	private final String uscc;
	private final long bodyId;
	private final Department department;
	private final String departmentName;
	private final String request;
	private final LocalDate replyBy;
	private NoticeStatus status;
	private final String sentBy;
	private final Instant sentAt;
	private String reply;
	private LocalDate repliedOn;
	private String replyRecordedBy;
	private @Version Integer version;

	@PersistenceCreator
	DepartmentNotice(Long id, String districtCode, String streetCode, long hazardId, String uscc, long bodyId,
			Department department, String departmentName, String request, LocalDate replyBy, NoticeStatus status,
			String sentBy, Instant sentAt, String reply, LocalDate repliedOn, String replyRecordedBy, Integer version) {
		this.id = id;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.hazardId = hazardId;
		this.uscc = uscc;
		this.bodyId = bodyId;
		this.department = department;
		this.departmentName = departmentName;
		this.request = request;
		this.replyBy = replyBy;
		this.status = status;
		this.sentBy = sentBy;
		this.sentAt = sentAt;
		this.reply = reply;
		this.repliedOn = repliedOn;
		this.replyRecordedBy = replyRecordedBy;
		this.version = version;
	}

	/**
	 * 抄告: the department (another one by its name; a named one may be given its full name, e.g. 普陀区消防救援支队),
	 * what is asked of it, and a reply-by day after today.
	 */
	static DepartmentNotice send(Hazard hazard, long bodyId, Department department, String name, String request,
			LocalDate replyBy, String by, Instant at, LocalDate today) {
		if (department == null) {
			throw new InvalidInputException("department", "请选择接收抄告的部门");
		}
		if (department == Department.OTHER && blank(name)) {
			throw new InvalidInputException("departmentName", "抄告其他部门时请写明部门名称");
		}
		if (blank(request)) {
			throw new InvalidInputException("request", "请写明请对方部门办理的事项");
		}
		if (replyBy == null || !replyBy.isAfter(today)) {
			throw new InvalidInputException("replyBy", "回复期限须晚于今天");
		}
		return new DepartmentNotice(null, hazard.districtCode(), hazard.streetCode(), hazard.id(), hazard.uscc(), bodyId,
				department, blank(name) ? department.label() : name.trim(), request.trim(), replyBy, NoticeStatus.SENT,
				by, at, null, null, null, null);
	}

	/** The department's reply, as an officer records it: what it said and the day it replied (not before sending). */
	public void recordReply(String text, LocalDate on, String by, LocalDate today) {
		if (!status.allows(NoticeStatus.REPLIED)) {
			throw new InvalidTransitionException(status.name(), NoticeStatus.REPLIED.name(),
					"抄告当前为“" + status.label() + "”，不能再次登记回复");
		}
		if (blank(text)) {
			throw new InvalidInputException("reply", "请填写对方部门的回复内容");
		}
		if (on == null) {
			throw new InvalidInputException("repliedOn", "请填写回复日期");
		}
		if (on.isAfter(today)) {
			throw new InvalidInputException("repliedOn", "回复日期不能晚于今天");
		}
		if (on.isBefore(LocalDate.ofInstant(sentAt, Zone.SHANGHAI))) {
			throw new InvalidInputException("repliedOn", "回复日期不能早于抄告之日");
		}
		status = NoticeStatus.REPLIED;
		reply = text.trim();
		repliedOn = on;
		replyRecordedBy = by;
	}

	/** Sent, not replied, and the reply-by day has passed (逾期未回复). */
	public boolean awaitingReplyOverdueOn(LocalDate day) {
		return status == NoticeStatus.SENT && day.isAfter(replyBy);
	}

	/** The notice's number (抄告编号), e.g. 抄告〔2026〕12号: the year it was sent and its own number. */
	public String number() {
		return "抄告〔" + LocalDate.ofInstant(sentAt, Zone.SHANGHAI).getYear() + "〕" + id + "号";
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
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

	public long hazardId() {
		return hazardId;
	}

	public String uscc() {
		return uscc;
	}

	public long bodyId() {
		return bodyId;
	}

	public Department department() {
		return department;
	}

	public String departmentName() {
		return departmentName;
	}

	public String request() {
		return request;
	}

	public LocalDate replyBy() {
		return replyBy;
	}

	public NoticeStatus status() {
		return status;
	}

	public String sentBy() {
		return sentBy;
	}

	public Instant sentAt() {
		return sentAt;
	}

	public String reply() {
		return reply;
	}

	public LocalDate repliedOn() {
		return repliedOn;
	}

	public String replyRecordedBy() {
		return replyRecordedBy;
	}

	@Override
	public Integer version() {
		return version;
	}
}
