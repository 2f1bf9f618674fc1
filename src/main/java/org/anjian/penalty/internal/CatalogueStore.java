package org.anjian.penalty.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.anjian.grading.AccidentLevel;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.Exemption;
import org.anjian.penalty.ExemptionCondition;
import org.anjian.penalty.ExemptionGround;
import org.anjian.penalty.Party;
import org.anjian.penalty.SourceStatus;
import org.anjian.penalty.Tier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads the penalty catalogue's revisions, entries, checklist links and exempt list. A revision never changes once
 * written, so the current one is kept in memory until a newer one appears (each read asks only for the newest
 * number); what a transaction reads is not kept, since it may be rolled back.
 */
@Component
public class CatalogueStore {

	static final String ENTRY_COLUMNS = """
			entry_id, from_revision, to_revision, law, article, paragraph, subject, violation, tier, party,
			accident_level, min_yuan, max_yuan, sanction, verification, status, prohibition, prohibition_status,
			prohibition_source""";

	private static final String EXEMPTION_COLUMNS = """
			id, entry_id, ground, conditions, covers, note, source, status, added_by, added_at, withdrawn_by,
			withdrawn_at, withdrawal_reason, version""";

	private final JdbcClient jdbc;

	private volatile Snapshot cached;

	CatalogueStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One row of an entry: the entry as it reads from {@code fromRevision} until {@code toRevision} (null: still). */
	public record Row(CatalogueEntry entry, int fromRevision, Integer toRevision) {
	}

	/** A revision of the catalogue: who made it, why, and which entry it changed (null: the load). */
	public record Revision(int revision, String entryId, String reason, String createdBy, OffsetDateTime createdAt) {
	}

	/** A revision's entries by id, in the catalogue's order. */
	public record Snapshot(Revision revision, Map<String, Row> rows) {

		public List<CatalogueEntry> entries() {
			return rows.values().stream().map(Row::entry).toList();
		}
	}

	/** A row of an entry's history and the revision that wrote it. */
	public record EntryRevision(Row row, Revision revision) {
	}

	/** A checklist item linked to an entry, as the inspection module publishes it. */
	public record LinkedItem(long itemId, String code, String text, String legalBasis, String clause, boolean active,
			String status, String origin, String linkedBy, OffsetDateTime linkedAt) {
	}

	/** A checklist item as the inspection module publishes it. */
	public record ChecklistItemRef(long id, String code, String text, String legalBasis, String clause, boolean active) {
	}

	public boolean loaded() {
		return newest().isPresent();
	}

	/** The current revision's catalogue; fails if it was never loaded (it is, at start-up). */
	public Snapshot current() {
		int newest = newest().orElseThrow(() -> new IllegalStateException("the penalty catalogue was never loaded"));
		Snapshot known = cached;
		if (known != null && known.revision().revision() == newest) {
			return known;
		}
		Snapshot read = snapshot(newest);
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			cached = read;
		}
		return read;
	}

	/** The catalogue as it read in an earlier revision. */
	public Snapshot snapshot(int revision) {
		Revision head = revision(revision).orElseThrow(
				() -> new org.anjian.shared.NotFoundException("裁量目录第 " + revision + " 版不存在"));
		Map<String, Row> rows = new LinkedHashMap<>();
		jdbc.sql("select " + ENTRY_COLUMNS + """
				 from penalty_catalogue_entry
				where from_revision <= :r and (to_revision is null or to_revision > :r)
				order by article, paragraph nulls first, id""")
			.param("r", revision)
			.query(CatalogueStore::row)
			.list()
			.forEach(r -> rows.put(r.entry().id(), r));
		return new Snapshot(head, java.util.Collections.unmodifiableMap(rows));
	}

	public Optional<Revision> revision(int revision) {
		return jdbc.sql("select id as revision, entry_id, reason, created_by, created_at from penalty_catalogue_revision where id = :r")
			.param("r", revision)
			.query(CatalogueStore::revision)
			.optional();
	}

	/** Every row an entry ever had, newest first, each with the revision that wrote it. */
	public List<EntryRevision> history(String entryId) {
		return jdbc.sql("select " + ENTRY_COLUMNS.replace("entry_id,", "e.entry_id,") + """
				, r.id as revision, r.entry_id as revised_entry, r.reason, r.created_by, r.created_at
				from penalty_catalogue_entry e join penalty_catalogue_revision r on r.id = e.from_revision
				where e.entry_id = :id order by e.from_revision desc""")
			.param("id", entryId)
			.query((rs, n) -> new EntryRevision(row(rs, n), new Revision(rs.getInt("revision"),
					rs.getString("revised_entry"), rs.getString("reason"), rs.getString("created_by"),
					rs.getObject("created_at", OffsetDateTime.class))))
			.list();
	}

	/** The ids of the entries linked to a checklist item. */
	public List<String> entriesLinkedTo(long checklistItemId) {
		return jdbc.sql("select entry_id from penalty_checklist_link where checklist_item_id = :id order by entry_id")
			.param("id", checklistItemId)
			.query(String.class)
			.list();
	}

	/** The checklist items linked to an entry, by their code. */
	public List<LinkedItem> linkedItems(String entryId) {
		return jdbc.sql("""
				select l.checklist_item_id, c.code, c.text, c.legal_basis, c.clause, c.active, c.status, l.origin,
				       l.linked_by, l.linked_at
				from penalty_checklist_link l join checklist_item_directory c on c.id = l.checklist_item_id
				where l.entry_id = :entry order by c.code""")
			.param("entry", entryId)
			.query((rs, n) -> new LinkedItem(rs.getLong("checklist_item_id"), rs.getString("code"),
					rs.getString("text"), rs.getString("legal_basis"), rs.getString("clause"), rs.getBoolean("active"),
					rs.getString("status"), rs.getString("origin"), rs.getString("linked_by"),
					rs.getObject("linked_at", OffsetDateTime.class)))
			.list();
	}

	public Optional<ChecklistItemRef> checklistItem(String code) {
		return jdbc.sql("select id, code, text, legal_basis, clause, active from checklist_item_directory where code = :code")
			.param("code", code)
			.query(CatalogueStore::item)
			.optional();
	}

	public Optional<ChecklistItemRef> checklistItem(long id) {
		return jdbc.sql("select id, code, text, legal_basis, clause, active from checklist_item_directory where id = :id")
			.param("id", id)
			.query(CatalogueStore::item)
			.optional();
	}

	/** The active checklist items, to match their legal basis to the catalogue. */
	List<ChecklistItemRef> activeChecklistItems() {
		return jdbc.sql("select id, code, text, legal_basis, clause, active from checklist_item_directory where active order by id")
			.query(CatalogueStore::item)
			.list();
	}

	/** The exempt-list row in force for an entry. */
	public Optional<Exemption> exemptionInForce(String entryId) {
		return jdbc.sql("select " + EXEMPTION_COLUMNS + " from penalty_exemption where entry_id = :e and withdrawn_at is null")
			.param("e", entryId)
			.query(CatalogueStore::exemption)
			.optional();
	}

	public Optional<Exemption> exemption(long id) {
		return jdbc.sql("select " + EXEMPTION_COLUMNS + " from penalty_exemption where id = :id")
			.param("id", id)
			.query(CatalogueStore::exemption)
			.optional();
	}

	/** The whole exempt list: the rows in force by entry, then the withdrawn ones, newest first. */
	public List<Exemption> exemptions() {
		return jdbc.sql("select " + EXEMPTION_COLUMNS
				+ " from penalty_exemption order by withdrawn_at is not null, withdrawn_at desc, entry_id, id")
			.query(CatalogueStore::exemption)
			.list();
	}

	private Optional<Integer> newest() {
		int newest = jdbc.sql("select coalesce(max(id), 0) from penalty_catalogue_revision").query(Integer.class).single();
		return newest == 0 ? Optional.empty() : Optional.of(newest);
	}

	static Row row(ResultSet rs, int n) throws SQLException {
		String level = rs.getString("accident_level");
		String prohibitionStatus = rs.getString("prohibition_status");
		CatalogueEntry entry = new CatalogueEntry(rs.getString("entry_id"), rs.getString("law"), rs.getInt("article"),
				(Integer) rs.getObject("paragraph"), rs.getString("subject"), rs.getString("violation"),
				Tier.valueOf(rs.getString("tier")), Party.valueOf(rs.getString("party")),
				level == null ? null : AccidentLevel.valueOf(level), rs.getLong("min_yuan"), rs.getLong("max_yuan"),
				rs.getString("sanction"), rs.getString("verification"), SourceStatus.valueOf(rs.getString("status")),
				rs.getString("prohibition"), prohibitionStatus == null ? null : SourceStatus.valueOf(prohibitionStatus),
				rs.getString("prohibition_source"));
		return new Row(entry, rs.getInt("from_revision"), (Integer) rs.getObject("to_revision"));
	}

	private static Revision revision(ResultSet rs, int n) throws SQLException {
		return new Revision(rs.getInt("revision"), rs.getString("entry_id"), rs.getString("reason"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
	}

	private static ChecklistItemRef item(ResultSet rs, int n) throws SQLException {
		return new ChecklistItemRef(rs.getLong("id"), rs.getString("code"), rs.getString("text"),
				rs.getString("legal_basis"), rs.getString("clause"), rs.getBoolean("active"));
	}

	static Exemption exemption(ResultSet rs, int n) throws SQLException {
		Set<ExemptionCondition> conditions = EnumSet.noneOf(ExemptionCondition.class);
		Arrays.stream((String[]) rs.getArray("conditions").getArray()).forEach(c -> conditions.add(ExemptionCondition.valueOf(c)));
		return new Exemption(rs.getLong("id"), rs.getString("entry_id"), ExemptionGround.valueOf(rs.getString("ground")),
				conditions, rs.getString("covers"), rs.getString("note"), rs.getString("source"),
				SourceStatus.valueOf(rs.getString("status")), rs.getString("added_by"),
				rs.getObject("added_at", OffsetDateTime.class), rs.getString("withdrawn_by"),
				rs.getObject("withdrawn_at", OffsetDateTime.class), rs.getString("withdrawal_reason"),
				rs.getInt("version"));
	}
}
