package org.anjian.hazard;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Hazards read by their ids for a page that shows many at once (the ledger), with a plain row mapper: the columns the
 * repository reads, under the caller's row security like any query. Spring Data's mapping of the aggregate took a
 * quarter of the city's hazard list's time under load ({@code bench web}).
 */
public final class HazardRows {

	private static final String COLUMNS = "id, district_code, street_code, acting_code, uscc, task_id, checklist_item_id,"
			+ " description, legal_basis, major, status, found_at, deadline, rectification_note, submitted_at,"
			+ " reinspection_note, verified_at, verified_by, verified_with, version";

	private HazardRows() {
	}

	/** The hazards of these ids the caller reaches, in no particular order. */
	public static List<Hazard> byIds(JdbcClient jdbc, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("select " + COLUMNS + " from hazard where id in (:ids)").param("ids", ids)
			.query((rs, n) -> hazard(rs)).list();
	}

	private static Hazard hazard(ResultSet rs) throws SQLException {
		Hazard hazard = new Hazard(rs.getLong("id"), rs.getString("district_code"), rs.getString("street_code"),
				rs.getString("acting_code"), rs.getString("uscc"), rs.getObject("task_id", Long.class),
				rs.getObject("checklist_item_id", Long.class), rs.getString("description"), rs.getString("legal_basis"),
				rs.getBoolean("major"), HazardStatus.valueOf(rs.getString("status")), instant(rs, "found_at"),
				rs.getObject("deadline", LocalDate.class), rs.getString("rectification_note"), instant(rs, "submitted_at"),
				rs.getString("reinspection_note"), instant(rs, "verified_at"), rs.getString("verified_by"),
				rs.getObject("version", Integer.class));
		hazard.verifiedWith(rs.getObject("verified_with", Long.class));
		return hazard;
	}

	private static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
		return at == null ? null : at.toInstant();
	}
}
