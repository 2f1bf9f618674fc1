package org.anjian.inspection.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.anjian.audit.AuditTrail;
import org.anjian.inspection.InspectionStatus;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.organization.Organization;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.Sha256;
import org.anjian.shared.UploadedFiles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an inspection records besides results: photos taken on site (JPEG or PNG as their first bytes say, at most
 * 10 MB; the same photo sent twice is kept once), and the third-party experts who assisted — never as inspectors —
 * with their opinions, advisory or mandatory with a legal basis; a mandatory opinion binds only once an officer
 * confirms it.
 */
@Service
public class InspectionEvidence {

	static final int MAX_PHOTO_BYTES = 10 * 1024 * 1024;

	private final Inspections inspections;
	private final Organization organization;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	InspectionEvidence(Inspections inspections, Organization organization, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.inspections = inspections;
		this.organization = organization;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	public record Photo(long id, Long checklistItemId, String contentType, int sizeBytes, Instant uploadedAt) {
	}

	public record Expert(long participantId, long expertId, String name, String field, String opinion, String kind,
			String basis, String confirmedBy) {

		public boolean binding() {
			return "MANDATORY".equals(kind) && confirmedBy != null;
		}
	}

	/** Keeps a photo of the visit (of one item, or of the visit); returns its id, the earlier one for a repeat. */
	@Authorized(Act.RECORD_INSPECTION)
	@Transactional
	public long addPhoto(long taskId, Long checklistItemId, byte[] bytes, String by) {
		audit.describe(InspectionAction.PHOTO);
		InspectionTask task = recording(taskId, "上传照片");
		if (bytes == null || bytes.length == 0) {
			throw new InvalidInputException("photo", "请选择照片");
		}
		if (bytes.length > MAX_PHOTO_BYTES) {
			throw new InvalidInputException("photo", "照片不能超过 10 MB");
		}
		// the type by the file's first bytes, not by what the sender claims
		String type = UploadedFiles.contentType(bytes);
		if (type == null || !type.startsWith("image/")) {
			throw new InvalidInputException("photo", "照片只能是 JPEG 或 PNG 图片");
		}
		String sha256 = Sha256.hex(bytes);
		Long existing = jdbc.sql("select id from inspection_photo where task_id = :task and sha256 = :sha")
			.param("task", taskId).param("sha", sha256).query(Long.class).optional().orElse(null);
		if (existing != null) {
			return existing;
		}
		return jdbc.sql("""
				insert into inspection_photo (task_id, checklist_item_id, district_code, street_code, content_type,
				    size_bytes, sha256, data, taken_at, uploaded_by)
				values (:task, :item, :district, :street, :type, :size, :sha, :data, :at, :by) returning id""")
			.param("task", taskId).param("item", checklistItemId).param("district", task.districtCode())
			.param("street", task.streetCode()).param("type", type).param("size", bytes.length).param("sha", sha256)
			.param("data", bytes).param("at", Timestamp.from(clock.instant())).param("by", by)
			.query(Long.class).single();
	}

	public List<Photo> photos(long taskId) {
		inspections.task(taskId);
		return jdbc.sql("""
				select id, checklist_item_id, content_type, size_bytes, uploaded_at from inspection_photo
				where task_id = :task order by id""")
			.param("task", taskId)
			.query((rs, n) -> new Photo(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getInt(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** A photo's content type and bytes. */
	public record PhotoData(String contentType, byte[] data) {
	}

	public PhotoData photo(long taskId, long photoId) {
		inspections.task(taskId);
		return jdbc.sql("select content_type, data from inspection_photo where id = :id and task_id = :task")
			.param("id", photoId).param("task", taskId)
			.query((rs, n) -> new PhotoData(rs.getString(1), rs.getBytes(2))).optional()
			.orElseThrow(() -> new NotFoundException("照片 " + photoId + " 不存在或不在您的管辖范围内"));
	}

	/** An expert of the body's list assists this inspection. */
	@Authorized(Act.RECORD_INSPECTION)
	@Transactional
	public long addExpert(long taskId, long expertId) {
		audit.describe(InspectionAction.EXPERT);
		InspectionTask task = inspections.task(taskId);
		if (task.status() == InspectionStatus.FINISHED || task.status() == InspectionStatus.CANCELLED) {
			throw new InvalidTransitionException(task.status().name(), "ADD_EXPERT",
					"检查任务当前为“" + task.status().label() + "”，不能再邀请专家");
		}
		if (!activeExpert(expertId)) {
			throw new InvalidInputException("expertId", "专家 " + expertId + " 不在专家库中或已停用");
		}
		return jdbc.sql("""
				insert into inspection_participant (task_id, district_code, street_code, expert_id, role)
				values (:task, :district, :street, :expertId, 'EXPERT')
				on conflict (task_id, expert_id) where expert_id is not null do update set role = excluded.role
				returning id""")
			.param("task", taskId).param("district", task.districtCode()).param("street", task.streetCode())
			.param("expertId", expertId).query(Long.class).single();
	}

	/** The expert's opinion: advisory, or mandatory with its legal basis (binding once an officer confirms it). */
	@Authorized(Act.RECORD_INSPECTION)
	@Transactional
	public void giveOpinion(long taskId, long participantId, String opinion, String kind, String basis) {
		audit.describe(InspectionAction.EXPERT_OPINION);
		recording(taskId, "记录专家意见");
		if (opinion == null || opinion.isBlank()) {
			throw new InvalidInputException("opinion", "请填写专家意见");
		}
		if (!"ADVISORY".equals(kind) && !"MANDATORY".equals(kind)) {
			throw new InvalidInputException("kind", "请选择 建议性 或 强制性 意见");
		}
		if ("MANDATORY".equals(kind) && (basis == null || basis.isBlank())) {
			throw new InvalidInputException("basis", "强制性意见须写明法律依据");
		}
		int updated = jdbc.sql("""
				update inspection_participant set opinion = :opinion, opinion_kind = :kind, opinion_basis = :basis,
				    confirmed_by = null, confirmed_at = null
				where id = :id and task_id = :task and role = 'EXPERT'""")
			.param("opinion", opinion.trim()).param("kind", kind).param("basis", basis == null ? null : basis.trim())
			.param("id", participantId).param("task", taskId).update();
		if (updated == 0) {
			throw new NotFoundException("专家 " + participantId + " 未参加本次检查");
		}
	}

	/** An officer confirms a mandatory opinion, which then binds. */
	@Authorized(Act.RECORD_INSPECTION)
	@Transactional
	public void confirmOpinion(long taskId, long participantId, String officer) {
		audit.describe(InspectionAction.CONFIRM_OPINION);
		recording(taskId, "确认专家意见");
		int updated = jdbc.sql("""
				update inspection_participant set confirmed_by = :by, confirmed_at = :at
				where id = :id and task_id = :task and role = 'EXPERT' and opinion_kind = 'MANDATORY'""")
			.param("by", officer).param("at", Timestamp.from(clock.instant())).param("id", participantId)
			.param("task", taskId).update();
		if (updated == 0) {
			throw new InvalidInputException("participantId", "只有专家的强制性意见需要执法人员确认");
		}
	}

	public List<Expert> experts(long taskId) {
		inspections.task(taskId);
		return jdbc.sql("""
				select p.id, e.id, e.name, e.field, p.opinion, p.opinion_kind, p.opinion_basis, p.confirmed_by
				from inspection_participant p join expert_directory e on e.id = p.expert_id
				where p.task_id = :task and p.role = 'EXPERT' order by p.id""")
			.param("task", taskId)
			.query((rs, n) -> new Expert(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	private boolean activeExpert(long id) {
		try {
			return organization.expert(id).active();
		}
		catch (NotFoundException e) {
			return false;
		}
	}

	private InspectionTask recording(long taskId, String act) {
		InspectionTask task = inspections.task(taskId);
		if (task.status() != InspectionStatus.PLAN_APPROVED && task.status() != InspectionStatus.IN_PROGRESS) {
			throw new InvalidTransitionException(task.status().name(), act,
					"检查任务当前为“" + task.status().label() + "”，检查方案经批准后、完成前才能" + act);
		}
		return task;
	}
}
