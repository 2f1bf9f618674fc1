package org.anjian.inspection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.database.PagedQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checklist library (标准化检查表单): the items an on-site plan is assembled from, with their legal basis and
 * whom they apply to. Everyone who inspects reads it, within their jurisdiction (city-wide items are everyone's);
 * only an administrator creates, revises, deactivates or reactivates an item. Every change is a new version and
 * keeps the state it replaced in {@code checklist_item_version}, so a record made against an older text can
 * still be read against it.
 */
@Service
public class ChecklistLibrary {

	/** The standard matters (执法事项) plans give inspections; a CAMPAIGN item may serve its campaign's own matter. */
	public static final List<String> STANDARD_MATTERS = List.of("安全生产责任制落实", "安全生产教育培训", "隐患排查治理",
			"危险化学品储存使用安全管理", "工贸企业设备设施安全管理", "粉尘防爆安全", "涉氨制冷安全", "有限空间作业安全",
			"高温熔融金属作业安全", "重大危险源管控", "危险化工工艺安全");

	/** The order of the modules in an on-site plan: 进一门、查多事 — general first, then sector, tag, campaign. */
	public static final List<String> MODULES = List.of("GENERAL", "SECTOR", "TAG", "CAMPAIGN");

	public static final List<String> STATUSES = List.of("VERIFIED", "UNVERIFIED");

	private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");
	private static final Pattern PREFIXES = Pattern.compile("\\d{2,4}(,\\d{2,4})*");
	private static final int SEARCH_LIMIT = 500;

	private final JdbcClient jdbc;
	private final AuditTrail audit;
	private final OfficialActs acts;
	private final CurrentActor actors;

	ChecklistLibrary(JdbcClient jdbc, AuditTrail audit, OfficialActs acts, CurrentActor actors) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.acts = acts;
		this.actors = actors;
	}

	/** What an administrator enters or changes; blank text fields mean "none". */
	public record ChecklistForm(String code, String module, String sector, String industryPrefix, String riskTag,
			String matter, String text, String legalBasis, String clause, Boolean majorHazard, String criterion,
			Boolean remoteEligible, String status, String source) {
	}

	/** A state an item had before a change: its number, who replaced it and when, and what it said then. */
	public record Version(int version, String changedBy, OffsetDateTime changedAt, String module, String sector,
			String industryPrefix, String riskTag, String matter, String text, String legalBasis, String clause,
			boolean majorHazard, String criterion, boolean remoteEligible, String status, boolean active) {
	}

	/**
	 * The active items that apply to an enterprise, in on-site plan order: module GENERAL, SECTOR, TAG, CAMPAIGN,
	 * then code. An item narrowed by sector, industry or risk tag applies only where they match. When matters are
	 * given, an item serving a matter is kept only if its matter is among them; an item without a matter always
	 * applies.
	 */
	public List<ChecklistItem> applicable(Sector sector, String industryCode, Set<RiskTag> tags, List<String> matters) {
		List<String> tagNames = tags == null ? List.of() : tags.stream().map(Enum::name).toList();
		List<String> wanted = matters == null ? List.of() : matters.stream().filter(m -> m != null && !m.isBlank())
			.map(String::trim).toList();
		return jdbc.sql(SELECT + """
				 where active
				   and (sector is null or sector = :sector)
				   and (risk_tag is null or risk_tag = any(cast(:tags as text[])))
				 order by """ + MODULE_ORDER + ", code")
			.param("sector", sector == null ? null : sector.name())
			.param("tags", tagNames.toArray(new String[0]))
			.query(ChecklistLibrary::item).list().stream()
			.filter(i -> i.appliesToIndustry(industryCode))
			.filter(i -> wanted.isEmpty() || i.matter() == null || wanted.contains(i.matter()))
			.toList();
	}

	public ChecklistItem item(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(ChecklistLibrary::item).optional()
			.orElseThrow(() -> new NotFoundException("没有编号为 " + id + " 的检查项（或不在您的管辖范围内）"));
	}

	/**
	 * Items by module, words (in code, text, legal basis, clause, matter or criterion) and status; each filter is
	 * optional. Inactive items are listed too, marked, since an administrator looks for them to reactivate.
	 */
	public List<ChecklistItem> search(String module, String text, String status) {
		return search(module, text, status, null, SEARCH_LIMIT).items();
	}

	/** A page of {@link #search(String, String, String)}, in the same order, counted up to its cap (the list page). */
	public ResultPage<ChecklistItem> search(String module, String text, String status, Integer page, int size) {
		String m = option(module, MODULES, "module", "模块应为 GENERAL（通用）、SECTOR（行业）、TAG（风险标签）或 CAMPAIGN（专项）");
		String s = option(status, STATUSES, "status", "核对状态应为 VERIFIED（已核对）或 UNVERIFIED（待核对）");
		String words = text == null || text.isBlank() ? null : "%" + text.trim().replace("\\", "\\\\").replace("%", "\\%")
			.replace("_", "\\_") + "%";
		Map<String, Object> params = new HashMap<>();
		params.put("module", m);
		params.put("status", s);
		params.put("words", words);
		return PagedQuery.page(jdbc, COLUMNS, """
				 from checklist_item
				 where (cast(:module as text) is null or module = :module)
				   and (cast(:status as text) is null or status = :status)
				   and (cast(:words as text) is null or code ilike :words or text ilike :words or legal_basis ilike :words
				        or coalesce(clause, '') ilike :words or coalesce(matter, '') ilike :words
				        or coalesce(criterion, '') ilike :words)""", "order by " + MODULE_ORDER + ", code, id", params,
				ChecklistLibrary::item, page, size);
	}

	/** The earlier states of an item, newest first. */
	public List<Version> versions(long id) {
		item(id);
		return jdbc.sql("""
				select version, changed_by, changed_at, snapshot->>'module' as module, snapshot->>'sector' as sector,
				       snapshot->>'industry_prefix' as industry_prefix, snapshot->>'risk_tag' as risk_tag,
				       snapshot->>'matter' as matter, snapshot->>'text' as text, snapshot->>'legal_basis' as legal_basis,
				       snapshot->>'clause' as clause, (snapshot->>'major_hazard')::boolean as major_hazard,
				       snapshot->>'criterion' as criterion, (snapshot->>'remote_eligible')::boolean as remote_eligible,
				       snapshot->>'status' as status, (snapshot->>'active')::boolean as active
				  from checklist_item_version where item_id = :id order by version desc""")
			.param("id", id)
			.query((rs, n) -> new Version(rs.getInt("version"), rs.getString("changed_by"),
					rs.getObject("changed_at", OffsetDateTime.class), rs.getString("module"), rs.getString("sector"),
					rs.getString("industry_prefix"), rs.getString("risk_tag"), rs.getString("matter"), rs.getString("text"),
					rs.getString("legal_basis"), rs.getString("clause"), rs.getBoolean("major_hazard"),
					rs.getString("criterion"), rs.getBoolean("remote_eligible"), rs.getString("status"),
					rs.getBoolean("active")))
			.list();
	}

	/**
	 * Creates an item in the administrator's own jurisdiction (administrators are the city's, so their items are
	 * city-wide). A new item is UNVERIFIED unless the form says it has been checked.
	 */
	@Transactional
	@Authorized(Act.KEEP_CHECKLISTS)
	public ChecklistItem create(ChecklistForm form) {
		audit.describe(InspectionAction.CREATE_CHECKLIST_ITEM);
		Actor actor = actor();
		if (form == null) {
			throw new InvalidInputException("text", "请填写检查项内容");
		}
		String code = form.code() == null ? "" : form.code().trim().toUpperCase();
		if (!CODE.matcher(code).matches()) {
			throw new InvalidInputException("code", "编号由大写字母、数字和连字符组成，2 至 40 位，例如 SH-GEN-001");
		}
		if (jdbc.sql("select exists (select 1 from checklist_item where code = :code)").param("code", code)
			.query(Boolean.class).single()) {
			throw new InvalidInputException("code", "编号 " + code + " 已被使用，请换一个");
		}
		Valid v = validate(form, "UNVERIFIED");
		String district = actor.scope() == null ? null : actor.scope().districtCode();
		String street = actor.scope() == null ? null : actor.scope().streetCode();
		try {
			long id = jdbc.sql("""
					insert into checklist_item (code, module, sector, industry_prefix, risk_tag, matter, text, legal_basis, clause,
					  major_hazard, criterion, remote_eligible, status, source, district_code, street_code)
					values (:code, :module, :sector, :industry, :tag, :matter, :text, :basis, :clause, :major, :criterion,
					  :remote, :status, :source, :district, :street) returning id""")
				.param("code", code).params(v.params()).param("district", district).param("street", street)
				.query(Long.class).single();
			return item(id);
		}
		catch (org.springframework.dao.DuplicateKeyException e) {
			// another library (or a district's item this administrator cannot see) holds the code already
			throw new InvalidInputException("code", "编号 " + code + " 已被使用，请换一个");
		}
	}

	/**
	 * Revises an item: its text, legal basis, clause, applicability, major-hazard and remote flags, and status
	 * (marking it VERIFIED once checked). A change of wording that does not state a status is UNVERIFIED again,
	 * since what was checked was the earlier text. The state it replaces is kept as a version. {@code expectedVersion},
	 * when given, must be the version the administrator edited, so that two edits never silently overwrite.
	 */
	@Transactional
	@Authorized(Act.KEEP_CHECKLISTS)
	public ChecklistItem revise(long id, ChecklistForm form, Integer expectedVersion) {
		ChecklistItem current = lockedForChange(id);
		return acts.perform(InspectionAction.REVISE_CHECKLIST_ITEM, current, expectedVersion, item -> {
			if (form == null) {
				throw new InvalidInputException("text", "请填写检查项内容");
			}
			Valid v = validate(form, item.status());
			if (blank(form.status()) == null && wordingChanged(item, v.params())) {
				// what was checked against the official text was the earlier wording: unless the administrator says the
				// new wording is checked too, it is to be verified again
				v.params().put("status", "UNVERIFIED");
			}
			keepVersion(item);
			jdbc.sql("""
					update checklist_item set module = :module, sector = :sector, industry_prefix = :industry, risk_tag = :tag,
					  matter = :matter, text = :text, legal_basis = :basis, clause = :clause, major_hazard = :major,
					  criterion = :criterion, remote_eligible = :remote, status = :status, source = :source,
					  version = version + 1
					where id = :id""")
				.params(v.params()).param("id", id).update();
		}, item -> item(id));
	}

	private static boolean wordingChanged(ChecklistItem current, Map<String, Object> revised) {
		return !java.util.Objects.equals(current.text(), revised.get("text"))
				|| !java.util.Objects.equals(current.legalBasis(), revised.get("basis"))
				|| !java.util.Objects.equals(current.clause(), revised.get("clause"))
				|| !java.util.Objects.equals(current.criterion(), revised.get("criterion"));
	}

	/** Takes an item out of use: no new on-site plan includes it; records already made keep it. */
	@Transactional
	@Authorized(Act.KEEP_CHECKLISTS)
	public ChecklistItem deactivate(long id, Integer expectedVersion) {
		return setActive(InspectionAction.DEACTIVATE_CHECKLIST_ITEM, id, expectedVersion, false, "已停用");
	}

	/** Puts a deactivated item back in use. */
	@Transactional
	@Authorized(Act.KEEP_CHECKLISTS)
	public ChecklistItem reactivate(long id, Integer expectedVersion) {
		return setActive(InspectionAction.REACTIVATE_CHECKLIST_ITEM, id, expectedVersion, true, "在用");
	}

	private ChecklistItem setActive(InspectionAction action, long id, Integer expectedVersion, boolean active,
			String state) {
		return acts.perform(action, lockedForChange(id), expectedVersion, item -> {
			if (item.active() == active) {
				throw new InvalidInputException("active", "检查项 " + item.code() + " 已经是" + state + "状态");
			}
			keepVersion(item);
			jdbc.sql("update checklist_item set active = :active, version = version + 1 where id = :id")
				.param("active", active).param("id", id).update();
		}, item -> item(id));
	}

	/**
	 * The item as it stands, locked for the change: the lock serialises two administrators' edits of one item, so
	 * each version number is taken once. A district administrator reads the city's items, but row security leaves
	 * them out of what it may change.
	 */
	private ChecklistItem lockedForChange(long id) {
		item(id);
		return jdbc.sql(SELECT + " where id = :id for update").param("id", id)
			.query(ChecklistLibrary::item).optional()
			.orElseThrow(() -> new AccessDeniedException("检查项 " + id + " 属于上级，只能由其所属层级的管理员修改"));
	}

	private void keepVersion(ChecklistItem current) {
		jdbc.sql("""
				insert into checklist_item_version (item_id, version, district_code, street_code, snapshot, changed_by)
				select id, version, district_code, street_code, to_jsonb(c) - 'id' - 'version', :by
				  from checklist_item c where id = :id""")
			.param("id", current.id()).param("by", actor().username()).update();
	}

	private Actor actor() {
		return actors.current().orElseThrow(() -> new AccessDeniedException("请先登录"));
	}

	/** A form checked whole: nothing is written unless every field is right. */
	private record Valid(Map<String, Object> params) {
	}

	private Valid validate(ChecklistForm f, String defaultStatus) {
		String module = option(f.module(), MODULES, "module", "请选择模块：GENERAL（通用）、SECTOR（行业）、TAG（风险标签）或 CAMPAIGN（专项）");
		if (module == null) {
			throw new InvalidInputException("module", "请选择模块：GENERAL（通用）、SECTOR（行业）、TAG（风险标签）或 CAMPAIGN（专项）");
		}
		String sector = option(f.sector(), names(Sector.values()), "sector", "行业领域应为 HAZCHEM（危险化学品）或 INDUSTRY_TRADE（工贸）");
		String tag = option(f.riskTag(), names(RiskTag.values()), "riskTag",
				"风险标签应为 " + String.join("、", names(RiskTag.values())) + " 之一");
		if ("SECTOR".equals(module) && sector == null) {
			throw new InvalidInputException("sector", "行业模块的检查项须选择行业领域（危险化学品或工贸）");
		}
		if ("TAG".equals(module) && tag == null) {
			throw new InvalidInputException("riskTag", "风险标签模块的检查项须选择风险标签，例如 DUST_EXPLOSION（粉尘涉爆）");
		}
		String industry = blank(f.industryPrefix());
		if (industry != null) {
			industry = industry.replace("，", ",").replace(" ", "");
			if (!PREFIXES.matcher(industry).matches()) {
				throw new InvalidInputException("industryPrefix",
						"行业代码前缀为 GB/T 4754-2017 的 2 至 4 位数字，多个用逗号分隔，例如 31,32");
			}
		}
		String matter = blank(f.matter());
		if ("CAMPAIGN".equals(module)) {
			if (matter == null) {
				throw new InvalidInputException("matter", "专项模块的检查项须填写所服务的专项执法事项");
			}
			length(matter, "matter", "执法事项", 50);
		}
		else if (matter != null && !STANDARD_MATTERS.contains(matter)) {
			throw new InvalidInputException("matter", "执法事项应为标准事项之一：" + String.join("、", STANDARD_MATTERS)
					+ "；专项事项请选择 CAMPAIGN（专项）模块");
		}
		String text = required(f.text(), "text", "请填写检查内容，例如：是否建立安全生产教育和培训档案", 1000);
		String basis = required(f.legalBasis(), "legalBasis", "请填写法律依据，例如：《中华人民共和国安全生产法》（2021年修正）", 300);
		String clause = length(blank(f.clause()), "clause", "条款", 100);
		boolean major = Boolean.TRUE.equals(f.majorHazard());
		String criterion = length(blank(f.criterion()), "criterion", "判定标准", 200);
		if (major && criterion == null) {
			throw new InvalidInputException("criterion",
					"重大事故隐患判定项须写明所依据的判定标准条目，例如：应急管理部令第10号 第十一条第三项");
		}
		String status = option(f.status(), STATUSES, "status", "核对状态应为 VERIFIED（已核对）或 UNVERIFIED（待核对）");
		String source = length(blank(f.source()), "source", "来源", 500);
		Map<String, Object> p = new HashMap<>();
		p.put("module", module);
		p.put("sector", sector);
		p.put("industry", industry);
		p.put("tag", tag);
		p.put("matter", matter);
		p.put("text", text);
		p.put("basis", basis);
		p.put("clause", clause);
		p.put("major", major);
		p.put("criterion", criterion);
		p.put("remote", Boolean.TRUE.equals(f.remoteEligible()));
		p.put("status", status == null ? defaultStatus : status);
		p.put("source", source);
		return new Valid(p);
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	private static String option(String value, Collection<String> allowed, String field, String message) {
		String v = blank(value);
		if (v == null) {
			return null;
		}
		v = v.toUpperCase();
		if (!allowed.contains(v)) {
			throw new InvalidInputException(field, message + "，收到：" + value.trim());
		}
		return v;
	}

	private static String required(String value, String field, String hint, int max) {
		String v = blank(value);
		if (v == null) {
			throw new InvalidInputException(field, hint);
		}
		return length(v, field, null, max);
	}

	private static String length(String value, String field, String label, int max) {
		if (value != null && value.length() > max) {
			throw new InvalidInputException(field, (label == null ? "" : label) + "不超过 " + max + " 字，现有 "
					+ value.length() + " 字");
		}
		return value;
	}

	private static String blank(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	private static final String MODULE_ORDER = " case module when 'GENERAL' then 0 when 'SECTOR' then 1 when 'TAG' then 2 else 3 end";

	private static final String COLUMNS = """
			select id, code, module, sector, industry_prefix, risk_tag, matter, text, legal_basis, clause, major_hazard,
			       criterion, remote_eligible, status, source, active, district_code, street_code, version""";

	private static final String SELECT = COLUMNS + " from checklist_item ";

	private static ChecklistItem item(ResultSet rs, int n) throws SQLException {
		return new ChecklistItem(rs.getLong("id"), rs.getString("code"), rs.getString("module"), rs.getString("sector"),
				rs.getString("industry_prefix"), rs.getString("risk_tag"), rs.getString("matter"), rs.getString("text"),
				rs.getString("legal_basis"), rs.getString("clause"), rs.getBoolean("major_hazard"),
				rs.getString("criterion"), rs.getBoolean("remote_eligible"), rs.getString("status"),
				rs.getString("source"), rs.getBoolean("active"), rs.getString("district_code"),
				rs.getString("street_code"), rs.getInt("version"));
	}
}
