package org.anjian.audit;

/**
 * A table whose rows the audit trail records, as people read it: its name in the record ({@code hazard}), its
 * Chinese name (隐患) and, where a page shows its rows, that page's address. The address names the recorded row's id
 * as {@code {id}} or another of its recorded columns as {@code {column}} ({@code /hazards/{hazard_id}/notices}).
 * Each module lists its own tables in an enum, beside the code that writes them, so that no recorded entity goes
 * without a name ({@link AuditLabels}).
 */
public interface AuditedTable {

	/** The table's name, its Chinese name and the page that shows a row (with placeholders; null when none does). */
	AuditLabels.Entity entity();

	default String table() {
		return entity().table();
	}
}
