package org.anjian.inspection.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.InspectionCodes;
import org.anjian.inspection.InspectionStatus;
import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.organization.EnforcementBody;
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
 * Non-site inspection (非现场检查) of matters whose checklist items may be checked without a visit: an officer opens
 * a remote task by hand with its reason; its plan holds the remote-eligible items only, and a leader approves it as
 * any plan; the enterprise then sends its materials item by item (PDF, JPEG or PNG, at most 10 MB each; the same
 * file sent again stores nothing new); the officers review them and record each item's result through
 * {@link InspectionRecords#record}, and finish through {@link InspectionRecords#finish}, as for a visit. Remote
 * inspections are counted apart from on-site ones.
 */
@Service
public class RemoteInspections {

	/** The largest material accepted, as the table's check says. */
	public static final int MAX_BYTES = 10 * 1024 * 1024;

	private final Inspections inspections;
	private final InspectionTasks tasks;
	private final Organization organization;
	private final EnterpriseRegistry registry;
	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final Clock clock;

	RemoteInspections(Inspections inspections, InspectionTasks tasks, Organization organization,
			EnterpriseRegistry registry, JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.inspections = inspections;
		this.tasks = tasks;
		this.organization = organization;
		this.registry = registry;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/** A material as listed: everything but its bytes. */
	public record Material(long id, long taskId, long checklistItemId, String fileName, String contentType, int sizeBytes,
			String sha256, String uploadedBy, java.time.Instant uploadedAt) {
	}

	/** A material with its bytes, for download. */
	public record MaterialFile(Material material, byte[] data) {
	}

	/** What an upload did: the material, and whether it was stored now or had been sent before. */
	public record Submitted(Material material, boolean stored) {
	}

	/** Finished inspections of a year, on-site and remote counted apart. */
	public record Counts(int year, long onSite, long remote) {
	}

	/** A remote task outside the plan, opened by hand: only with the reason it is needed. */
	@Authorized(Act.OPEN_INSPECTION)
	@Transactional
	public InspectionTask open(long bodyId, String uscc, String reason, List<String> matters, LocalDate day, String by) {
		audit.describe(InspectionAction.OPEN_REMOTE);
		EnforcementBody body = organization.body(bodyId);
		String code = registry.file(uscc).uscc();
		return tasks.save(InspectionTask.openRemote(bodyId, body.districtCode(), body.streetCode(), code, reason, matters,
				day, InspectionCodes.newToken(), by));
	}

	/**
	 * Assembles a remote task's plan anew from the library's remote-eligible items, in the order of an on-site plan
	 * (general, sector, risk tag, campaign); returns the number of items.
	 */
	@Authorized(Act.DRAFT_INSPECTION_PLAN)
	@Transactional
	public int assembleRemote(long taskId) {
		audit.describe(InspectionAction.ASSEMBLE_REMOTE_PLAN);
		InspectionTask task = remoteTask(taskId);
		task.requireEditable("编制非现场检查方案");
		jdbc.sql("delete from inspection_plan_item where task_id = :task").param("task", taskId).update();
		int items = jdbc.sql("""
				insert into inspection_plan_item (task_id, checklist_item_id, district_code, street_code, module, position)
				select :task, c.id, :district, :street, c.module,
				       row_number() over (order by array_position(array['GENERAL','SECTOR','TAG','CAMPAIGN'], c.module), c.code)
				from checklist_item c join enterprise_register e on e.uscc = :uscc
				where c.active and c.remote_eligible
				  and (c.matter is null or c.matter = any(:matters))
				  and (c.module = 'GENERAL'
				       or (c.module = 'SECTOR' and c.sector = e.sector
				           and (c.industry_prefix is null or e.industry_code like c.industry_prefix || '%'))
				       or (c.module = 'TAG' and c.risk_tag = any(e.risk_tags))
				       or (c.module = 'CAMPAIGN' and c.matter = any(:matters)))""")
			.param("task", taskId).param("district", task.districtCode()).param("street", task.streetCode())
			.param("uscc", task.uscc()).param("matters", task.matters().toArray(String[]::new))
			.update();
		if (items == 0) {
			// the delete above is rolled back with the refusal: the earlier plan stays as it was
			throw new InvalidInputException("items", "检查项库中没有适用于该企业和执法事项、可以非现场检查的检查项，请改为现场检查");
		}
		return items;
	}

	/**
	 * The enterprise sends one material for one item of an approved remote plan. The same file sent again for the
	 * same item (a retry, a double click) stores nothing new and answers the material already stored.
	 */
	@Authorized(Act.SUBMIT_REMOTE_MATERIALS)
	@Transactional
	public Submitted submit(long taskId, long checklistItemId, String fileName, byte[] data, String by) {
		audit.describe(InspectionAction.SUBMIT_MATERIAL);
		InspectionTask task = remoteTask(taskId);
		if (task.status() != InspectionStatus.PLAN_APPROVED && task.status() != InspectionStatus.IN_PROGRESS) {
			throw new InvalidTransitionException(task.status().name(), "SUBMIT_MATERIAL",
					"检查任务当前为“" + task.status().label() + "”，检查方案经批准后、检查完成前才能提交材料");
		}
		boolean planned = jdbc.sql("""
				select exists (select 1 from inspection_plan_item where task_id = :task and checklist_item_id = :item)""")
			.param("task", taskId).param("item", checklistItemId).query(Boolean.class).single();
		if (!planned) {
			throw new InvalidInputException("checklistItemId", "检查项 " + checklistItemId + " 不在本次非现场检查方案中");
		}
		if (data == null || data.length == 0) {
			throw new InvalidInputException("file", "请选择要提交的材料文件");
		}
		if (data.length > MAX_BYTES) {
			throw new InvalidInputException("file", "单个材料不能超过 10 MB，请压缩或拆分后分别提交");
		}
		// the type is read from the file itself, not from what the browser claims, so that only real PDF and
		// images are stored and served back to officers
		String type = UploadedFiles.contentType(data);
		if (type == null) {
			throw new InvalidInputException("file", "只接受 PDF、JPEG 或 PNG 格式的材料，请转换格式后再提交");
		}
		String name = UploadedFiles.fileName(fileName, type, "材料");
		String sha256 = Sha256.hex(data);
		Long id = jdbc.sql("""
				insert into inspection_material (task_id, checklist_item_id, district_code, street_code, uscc, file_name,
				    content_type, size_bytes, sha256, data, uploaded_by, uploaded_at)
				values (:task, :item, :district, :street, :uscc, :name, :type, :size, :sha, :data, :by, :at)
				on conflict (task_id, checklist_item_id, sha256) do nothing
				returning id""")
			.param("task", taskId).param("item", checklistItemId).param("district", task.districtCode())
			.param("street", task.streetCode()).param("uscc", task.uscc()).param("name", name).param("type", type)
			.param("size", data.length).param("sha", sha256).param("data", data).param("by", by)
			.param("at", Timestamp.from(clock.instant()))
			.query(Long.class).optional().orElse(null);
		boolean stored = id != null;
		if (!stored) {
			id = jdbc.sql("""
					select id from inspection_material where task_id = :task and checklist_item_id = :item and sha256 = :sha""")
				.param("task", taskId).param("item", checklistItemId).param("sha", sha256).query(Long.class).single();
		}
		return new Submitted(material(taskId, id).material(), stored);
	}

	/** The materials of a task, item by item, newest last. */
	public List<Material> materials(long taskId) {
		inspections.task(taskId);
		return jdbc.sql("""
				select id, task_id, checklist_item_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
				from inspection_material where task_id = :task order by checklist_item_id, uploaded_at, id""")
			.param("task", taskId)
			.query((rs, n) -> new Material(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getInt(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
			.list();
	}

	/** One material of a task with its bytes. */
	public MaterialFile material(long taskId, long materialId) {
		return jdbc.sql("""
				select id, task_id, checklist_item_id, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at,
				       data
				from inspection_material where id = :id and task_id = :task""")
			.param("id", materialId).param("task", taskId)
			.query((rs, n) -> new MaterialFile(new Material(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()),
					rs.getBytes(10)))
			.optional()
			.orElseThrow(() -> new NotFoundException("材料 " + materialId + " 不存在或不在您的管辖范围内"));
	}

	/**
	 * The remote tasks of the caller's own enterprise that wait for its materials: plan approved, not finished.
	 * Row security gives an enterprise's user its own remote tasks only, and officers those of their jurisdiction.
	 */
	public List<InspectionTask> awaitingMaterials() {
		List<Long> ids = jdbc.sql("""
				select id from inspection_task where mode = 'REMOTE' and status in ('PLAN_APPROVED', 'IN_PROGRESS')
				order by planned_on nulls last, id limit 200""")
			.query(Long.class).list();
		return ids.stream().map(inspections::task).toList();
	}

	/** Finished inspections of the caller's jurisdiction in this year (Beijing time), on-site and remote apart. */
	public Counts counts() {
		return counts(LocalDate.now(clock).getYear());
	}

	/** Finished inspections of the caller's jurisdiction in a year (Beijing time), on-site and remote apart. */
	public Counts counts(int year) {
		Timestamp from = Timestamp.from(LocalDate.of(year, 1, 1).atStartOfDay(clock.getZone()).toInstant());
		Timestamp to = Timestamp.from(LocalDate.of(year + 1, 1, 1).atStartOfDay(clock.getZone()).toInstant());
		return jdbc.sql("""
				select count(*) filter (where mode = 'ON_SITE'), count(*) filter (where mode = 'REMOTE')
				from inspection_task where status = 'FINISHED' and finished_at >= :from and finished_at < :to""")
			.param("from", from).param("to", to)
			.query((rs, n) -> new Counts(year, rs.getLong(1), rs.getLong(2)))
			.single();
	}

	/** The task, refused unless it is a remote one: an on-site task receives no materials and no remote plan. */
	private InspectionTask remoteTask(long taskId) {
		InspectionTask task = inspections.task(taskId);
		if (!task.remote()) {
			throw new InvalidInputException("taskId", "检查任务 " + taskId + " 为现场检查，不接收非现场检查材料，也不能编制非现场检查方案");
		}
		return task;
	}
}
