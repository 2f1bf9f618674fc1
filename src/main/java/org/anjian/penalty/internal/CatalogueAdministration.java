package org.anjian.penalty.internal;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.anjian.audit.AuditTrail;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.Exemption;
import org.anjian.penalty.ExemptionCondition;
import org.anjian.penalty.ExemptionGround;
import org.anjian.penalty.SourceStatus;
import org.anjian.penalty.Tier;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's acts on the catalogue: revising an entry (its statutory range, sanction and whether it was
 * checked) as a new revision naming the editor and the reason, the previous one kept; linking checklist items to
 * entries; and keeping the exempt list (免罚清单, 自查自报不罚). Bad input is refused in Chinese and changes nothing.
 */
@Service
public class CatalogueAdministration {

	/** The largest fine the catalogue accepts (the accident fines reach 2,000万元; the aggravated ×5 1亿元). */
	public static final long MAX_YUAN = 1_000_000_000L;

	private final JdbcClient jdbc;
	private final CatalogueStore store;
	private final AuditTrail audit;
	private final CurrentActor actors;

	CatalogueAdministration(JdbcClient jdbc, CatalogueStore store, AuditTrail audit, CurrentActor actors) {
		this.jdbc = jdbc;
		this.store = store;
		this.audit = audit;
		this.actors = actors;
	}

	/** What an administrator changes in an entry, as typed. */
	public record EntryEdit(String minYuan, String maxYuan, String sanction, String status, String reason) {
	}

	/** An exempt-list row as typed. */
	public record ExemptionForm(String entryId, String ground, List<String> conditions, String covers, String note,
			String source, String status) {
	}

	/**
	 * Revises an entry as read in revision {@code readRevision} (the revision its current row comes from): a new
	 * revision of the whole catalogue, in which only this entry differs. Refused when someone revised the entry since.
	 */
	@Authorized(Act.REVISE_PENALTY_CATALOGUE)
	@Transactional
	public CatalogueStore.Revision revise(String entryId, EntryEdit edit, Integer readRevision) {
		audit.describe(CatalogueAction.REVISE_ENTRY);
		CatalogueStore.Row row = currentRow(entryId);
		if (readRevision != null && readRevision != row.fromRevision()) {
			throw new OptimisticLockingFailureException("entry " + entryId + " was revised in revision " + row.fromRevision());
		}
		long min = yuan("minYuan", edit.minYuan(), "法定罚款下限");
		long max = yuan("maxYuan", edit.maxYuan(), "法定罚款上限");
		if (max <= min) {
			throw new InvalidInputException("maxYuan", "法定罚款上限应大于下限（现为下限" + min + "元、上限" + max + "元）");
		}
		String sanction = optional("sanction", edit.sanction(), 1000, "处罚种类和其他措施");
		SourceStatus status = status(edit.status());
		String reason = required("reason", edit.reason(), 1000, "修订理由");
		CatalogueEntry before = row.entry();
		if (before.tier() == Tier.ACCIDENT && before.accidentLevel() != null
				&& (min != before.minYuan() || max != before.maxYuan())) {
			throw new InvalidInputException("maxYuan", "事故罚款的幅度由《生产安全事故罚款处罚规定》按事故后果分档确定，这里不能修改；"
					+ "只能修改处罚种类和核对状态");
		}
		CatalogueEntry after = before.revised(min, max, sanction, status);
		if (after.equals(before)) {
			throw new InvalidInputException("form", "没有修改任何内容：法定幅度、处罚种类和核对状态都与现行版本相同");
		}
		int revision = jdbc.sql("select coalesce(max(id), 0) + 1 from penalty_catalogue_revision")
			.query(Integer.class)
			.single();
		try {
			jdbc.sql("insert into penalty_catalogue_revision (id, entry_id, reason, created_by) values (:r, :e, :why, :by)")
				.param("r", revision)
				.param("e", entryId)
				.param("why", reason)
				.param("by", actor())
				.update();
		}
		catch (DuplicateKeyException e) {
			throw new OptimisticLockingFailureException("another revision " + revision + " was written meanwhile", e);
		}
		int closed = jdbc.sql("""
				update penalty_catalogue_entry set to_revision = :r
				where entry_id = :e and to_revision is null and from_revision = :from""")
			.param("r", revision)
			.param("e", entryId)
			.param("from", row.fromRevision())
			.update();
		if (closed != 1) {
			throw new OptimisticLockingFailureException("entry " + entryId + " was revised meanwhile");
		}
		insertEntry(jdbc, after, revision);
		return store.revision(revision).orElseThrow();
	}

	/** Links a checklist item (by its code) to an entry: a failed item then suggests the entry. */
	@Authorized(Act.REVISE_PENALTY_CATALOGUE)
	@Transactional
	public CatalogueStore.ChecklistItemRef link(String entryId, String checklistCode) {
		audit.describe(CatalogueAction.LINK);
		currentRow(entryId);
		String code = required("code", checklistCode, 64, "检查项编号");
		CatalogueStore.ChecklistItemRef item = store.checklistItem(code)
			.orElseThrow(() -> new InvalidInputException("code", "检查事项库中没有编号为 " + code + " 的检查项"));
		int added = jdbc.sql("""
				insert into penalty_checklist_link (checklist_item_id, entry_id, origin, linked_by)
				values (:item, :entry, 'ADMIN', :by) on conflict do nothing""")
			.param("item", item.id())
			.param("entry", entryId)
			.param("by", actor())
			.update();
		if (added == 0) {
			throw new InvalidInputException("code", "检查项 " + code + " 已关联到本条目");
		}
		return item;
	}

	@Authorized(Act.REVISE_PENALTY_CATALOGUE)
	@Transactional
	public void unlink(String entryId, long checklistItemId) {
		audit.describe(CatalogueAction.UNLINK);
		int removed = jdbc.sql("delete from penalty_checklist_link where entry_id = :entry and checklist_item_id = :item")
			.param("entry", entryId)
			.param("item", checklistItemId)
			.update();
		if (removed == 0) {
			throw new NotFoundException("检查项与条目 " + entryId + " 之间没有关联");
		}
	}

	/** Adds a row to the exempt list; an entry has at most one row in force. */
	@Authorized(Act.KEEP_EXEMPT_LIST)
	@Transactional
	public Exemption addExemption(ExemptionForm form) {
		audit.describe(CatalogueAction.ADD_EXEMPTION);
		String entryId = required("entryId", form.entryId(), 100, "裁量目录条目");
		CatalogueEntry entry = store.current().rows().containsKey(entryId) ? currentRow(entryId).entry() : null;
		if (entry == null) {
			throw new InvalidInputException("entryId", "裁量目录中没有条目 " + entryId);
		}
		Valid valid = validate(form);
		if (store.exemptionInForce(entryId).isPresent()) {
			throw new InvalidInputException("entryId", "条目 " + entryId + " 已在免罚清单中，请修改现有的一行");
		}
		long id = jdbc.sql("""
				insert into penalty_exemption (entry_id, ground, conditions, covers, note, source, status, added_by)
				values (:entry, :ground, :conditions, :covers, :note, :source, :status, :by) returning id""")
			.param("entry", entryId)
			.param("ground", valid.ground().name())
			.param("conditions", valid.conditionCodes())
			.param("covers", valid.covers())
			.param("note", valid.note())
			.param("source", valid.source())
			.param("status", valid.status().name())
			.param("by", actor())
			.query(Long.class)
			.single();
		return store.exemption(id).orElseThrow();
	}

	/** Changes a row in force as read at {@code version}; its entry stays. */
	@Authorized(Act.KEEP_EXEMPT_LIST)
	@Transactional
	public Exemption reviseExemption(long id, ExemptionForm form, Integer version) {
		audit.describe(CatalogueAction.REVISE_EXEMPTION);
		Exemption row = inForce(id, version);
		Valid valid = validate(form);
		if (valid.ground() == row.ground() && valid.conditions().equals(row.conditions())
				&& valid.covers().equals(row.covers()) && Objects.equals(valid.note(), row.note())
				&& valid.source().equals(row.source()) && valid.status() == row.status()) {
			throw new InvalidInputException("form", "没有修改任何内容");
		}
		jdbc.sql("""
				update penalty_exemption set ground = :ground, conditions = :conditions, covers = :covers, note = :note,
				       source = :source, status = :status, version = version + 1
				where id = :id and version = :version""")
			.param("ground", valid.ground().name())
			.param("conditions", valid.conditionCodes())
			.param("covers", valid.covers())
			.param("note", valid.note())
			.param("source", valid.source())
			.param("status", valid.status().name())
			.param("id", id)
			.param("version", row.version())
			.update();
		return store.exemption(id).orElseThrow();
	}

	/** Withdraws a row with a reason; it is kept and no longer applies. */
	@Authorized(Act.KEEP_EXEMPT_LIST)
	@Transactional
	public Exemption withdrawExemption(long id, String reason, Integer version) {
		audit.describe(CatalogueAction.WITHDRAW_EXEMPTION);
		Exemption row = inForce(id, version);
		String why = required("reason", reason, 1000, "撤销理由");
		jdbc.sql("""
				update penalty_exemption set withdrawn_by = :by, withdrawn_at = now(), withdrawal_reason = :why,
				       version = version + 1
				where id = :id and version = :version""")
			.param("by", actor())
			.param("why", why)
			.param("id", id)
			.param("version", row.version())
			.update();
		return store.exemption(id).orElseThrow();
	}

	// ---- helpers

	/** Writes one row of an entry, from a revision on. */
	static void insertEntry(JdbcClient jdbc, CatalogueEntry e, int revision) {
		jdbc.sql("insert into penalty_catalogue_entry (" + CatalogueStore.ENTRY_COLUMNS + """
				) values (:id, :from, null, :law, :article, :paragraph, :subject, :violation, :tier, :party, :level,
				  :min, :max, :sanction, :verification, :status, :prohibition, :prohibitionStatus, :prohibitionSource)""")
			.param("id", e.id())
			.param("from", revision)
			.param("law", e.law())
			.param("article", e.article())
			.param("paragraph", e.paragraph())
			.param("subject", e.subject())
			.param("violation", e.violation())
			.param("tier", e.tier().name())
			.param("party", e.party().name())
			.param("level", e.accidentLevel() == null ? null : e.accidentLevel().name())
			.param("min", e.minYuan())
			.param("max", e.maxYuan())
			.param("sanction", e.sanction())
			.param("verification", e.verification())
			.param("status", e.status().name())
			.param("prohibition", e.prohibition())
			.param("prohibitionStatus", e.prohibitionStatus() == null ? null : e.prohibitionStatus().name())
			.param("prohibitionSource", e.prohibitionSource())
			.update();
	}

	private CatalogueStore.Row currentRow(String entryId) {
		CatalogueStore.Row row = entryId == null ? null : store.current().rows().get(entryId);
		if (row == null) {
			throw new NotFoundException("裁量目录中没有条目 " + entryId);
		}
		return row;
	}

	private Exemption inForce(long id, Integer version) {
		Exemption row = store.exemption(id).orElseThrow(() -> new NotFoundException("免罚清单中没有第 " + id + " 行"));
		if (!row.inForce()) {
			throw new InvalidInputException("form", "免罚清单的这一行已于" + row.withdrawnAt().toLocalDate() + "撤销，不能再修改");
		}
		if (version != null && version != row.version()) {
			throw new OptimisticLockingFailureException("exemption " + id + " was changed meanwhile");
		}
		return row;
	}

	private record Valid(ExemptionGround ground, Set<ExemptionCondition> conditions, String covers, String note,
			String source, SourceStatus status) {

		String[] conditionCodes() {
			return conditions.stream().map(Enum::name).toArray(String[]::new);
		}
	}

	private static Valid validate(ExemptionForm form) {
		ExemptionGround ground;
		try {
			ground = ExemptionGround.valueOf(form.ground() == null ? "" : form.ground().trim());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("ground", "请选择免罚的依据：免罚清单或自查自报不罚");
		}
		Set<ExemptionCondition> conditions = EnumSet.noneOf(ExemptionCondition.class);
		List<String> unknown = new ArrayList<>();
		for (String code : form.conditions() == null ? List.<String>of() : form.conditions()) {
			ExemptionCondition.of(code).ifPresentOrElse(conditions::add, () -> unknown.add(code));
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("conditions", "未知的免罚条件：" + String.join("、", new TreeSet<>(unknown.stream()
				.map(c -> c == null ? "" : c.length() > 40 ? c.substring(0, 40) + "…" : c).toList())));
		}
		if (conditions.isEmpty()) {
			throw new InvalidInputException("conditions", "请至少勾选一项免罚条件");
		}
		if (ground == ExemptionGround.SELF_REPORTED && !conditions.contains(ExemptionCondition.SELF_REPORTED)) {
			throw new InvalidInputException("conditions", "自查自报不罚须以“企业自查发现并主动报告”为条件");
		}
		if (conditions.contains(ExemptionCondition.NO_HARM) && conditions.contains(ExemptionCondition.MINOR_HARM)) {
			throw new InvalidInputException("conditions", "“没有造成危害后果”与“危害后果轻微”只能选择其一");
		}
		return new Valid(ground, conditions, required("covers", form.covers(), 1000, "适用的违法行为"),
				optional("note", form.note(), 1000, "说明"), required("source", form.source(), 2000, "来源"),
				status(form.status()));
	}

	private static SourceStatus status(String status) {
		try {
			return SourceStatus.valueOf(status == null ? "" : status.trim());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("status", "请选择核对状态：已核对或待核对");
		}
	}

	private static long yuan(String field, String typed, String name) {
		String value = typed == null ? "" : typed.trim().replace(",", "").replace("，", "");
		if (value.isEmpty()) {
			throw new InvalidInputException(field, "请填写" + name + "（元）");
		}
		if (!value.matches("\\d{1,10}")) {
			throw new InvalidInputException(field, name + "应为不超过" + MAX_YUAN + "的整数元，不是“"
					+ (value.length() > 20 ? value.substring(0, 20) + "…" : value) + "”");
		}
		long yuan = Long.parseLong(value);
		if (yuan > MAX_YUAN) {
			throw new InvalidInputException(field, name + "不能超过" + MAX_YUAN + "元");
		}
		return yuan;
	}

	private static String required(String field, String typed, int max, String name) {
		String value = optional(field, typed, max, name);
		if (value == null) {
			throw new InvalidInputException(field, "请填写" + name);
		}
		return value;
	}

	private static String optional(String field, String typed, int max, String name) {
		if (typed == null || typed.isBlank()) {
			return null;
		}
		String value = typed.strip();
		if (value.length() > max) {
			throw new InvalidInputException(field, name + "不能超过" + max + "个字（现为" + value.length() + "个字）");
		}
		return value;
	}

	private String actor() {
		return actors.current().map(Actor::username)
			.orElseGet(() -> "system:" + org.anjian.shared.database.SystemScope.current().orElse("unknown"));
	}
}
