package org.anjian.penalty.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;

import org.anjian.audit.AuditTrail;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.SourceStatus;
import org.anjian.penalty.Tier;
import org.anjian.shared.database.SystemScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the catalogue at first start, before the application serves anyone: revision 1 from the reference files in
 * {@code db/reference/penalty/} (each entry keeping its file's status), the checklist links where an item's legal
 * basis cites the duty of exactly one penalty article, and the exempt list. Later starts find revision 1 and load
 * nothing: from then on the catalogue is the administrators' data.
 */
@Component
class CatalogueLoading implements SmartInitializingSingleton {

	static final String LAW = "/db/reference/penalty/work_safety_law_2021_penalties.json";
	/** The actor the loaded rows name: the system, loading the catalogue (as the audit trail names it too). */
	static final String SYSTEM = "system:penalty catalogue";

	static final String EXEMPT_LIST = "/db/reference/penalty/exempt_list.json";

	private static final Logger log = LoggerFactory.getLogger(CatalogueLoading.class);

	private final JdbcClient jdbc;
	private final CatalogueStore store;
	private final AuditTrail audit;
	private final TransactionTemplate transactions;

	CatalogueLoading(JdbcClient jdbc, CatalogueStore store, AuditTrail audit, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.store = store;
		this.audit = audit;
		this.transactions = transactions;
	}

	@Override
	public void afterSingletonsInstantiated() {
		SystemScope.run("penalty catalogue", () -> {
			if (!store.loaded()) {
				transactions.executeWithoutResult(status -> load());
			}
		});
	}

	/** Revision 1, its entries, the links and the exempt list; nothing if another instance loaded them first. */
	void load() {
		audit.describe(CatalogueAction.LOAD);
		int inserted = jdbc.sql("""
				insert into penalty_catalogue_revision (id, entry_id, reason, created_by)
				values (1, null, '自参考数据载入：《安全生产法》（2021年修正）罚则、生产安全事故罚款处罚规定、本市免罚清单', :by)
				on conflict do nothing""").param("by", SYSTEM).update();
		if (inserted == 0) {
			return;
		}
		Prohibitions prohibitions = Prohibitions.read(Prohibitions.RESOURCE);
		List<CatalogueEntry> entries = CatalogueReader.read(LAW).stream().map(prohibitions::apply).toList();
		entries.forEach(e -> CatalogueAdministration.insertEntry(jdbc, e, 1));
		int links = seedLinks(entries, prohibitions);
		int exemptions = seedExemptList(entries);
		log.info("Penalty catalogue loaded: {} entries, {} checklist links, {} exempt-list rows", entries.size(), links,
				exemptions);
	}

	/**
	 * Links each active checklist item to the entries of the one penalty article that punishes the duties it cites
	 * (not the accident fines, which a failed item does not show); an item citing no duty of the law, or duties
	 * several articles punish, is left for an administrator to link.
	 */
	int seedLinks(List<CatalogueEntry> entries, Prohibitions prohibitions) {
		int links = 0;
		for (CatalogueStore.ChecklistItemRef item : store.activeChecklistItems()) {
			Set<Integer> penalties = prohibitions.penaltyArticlesFor(CitedArticles.of(item.legalBasis(), item.clause()));
			if (penalties.size() != 1) {
				continue;
			}
			int article = penalties.iterator().next();
			for (CatalogueEntry entry : entries) {
				if (entry.article() == article && entry.tier() != Tier.ACCIDENT) {
					links += jdbc.sql("""
							insert into penalty_checklist_link (checklist_item_id, entry_id, origin, linked_by)
							values (:item, :entry, 'SEED', :by) on conflict do nothing""")
						.param("by", SYSTEM)
						.param("item", item.id())
						.param("entry", entry.id())
						.update();
				}
			}
		}
		return links;
	}

	int seedExemptList(List<CatalogueEntry> entries) {
		JsonNode file;
		try (InputStream in = CatalogueLoading.class.getResourceAsStream(EXEMPT_LIST)) {
			if (in == null) {
				throw new IllegalStateException("reference data missing: " + EXEMPT_LIST);
			}
			file = JsonMapper.builder().build().readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		int rows = 0;
		for (JsonNode row : file.path("rows")) {
			String entry = row.path("entry").asString();
			if (entries.stream().noneMatch(e -> e.id().equals(entry))) {
				throw new IllegalStateException("the exempt list names an entry the catalogue does not hold: " + entry);
			}
			String[] conditions = new String[row.path("conditions").size()];
			for (int i = 0; i < conditions.length; i++) {
				conditions[i] = row.path("conditions").get(i).asString();
			}
			rows += jdbc.sql("""
					insert into penalty_exemption (entry_id, ground, conditions, covers, note, source, status, added_by)
					values (:entry, :ground, :conditions, :covers, :note, :source, :status, :by)""")
				.param("by", SYSTEM)
				.param("entry", entry)
				.param("ground", row.path("ground").asString())
				.param("conditions", conditions)
				.param("covers", row.path("covers").asString())
				.param("note", row.path("note").isMissingNode() ? null : row.path("note").asString())
				.param("source", row.path("source").asString())
				.param("status", SourceStatus.of(row.path("status").asString("")).name())
				.update();
		}
		return rows;
	}
}
