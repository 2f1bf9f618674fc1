package org.anjian.shared.todo;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many of a kind wait, and the first of them (the one to take first: the nearest deadline, the longest
 * waiting), read by one query of the form {@code select count(*) over (), id, day from … order by … limit 1}: the
 * count of every matching row, the id and the day of the first (the day may be null).
 */
public record Waiting(long count, Long firstId, LocalDate firstDay) {

	public static final Waiting NONE = new Waiting(0, null, null);

	/** Runs the query; no row is nothing waiting. */
	public static Waiting of(JdbcClient.StatementSpec query) {
		return query.query(Waiting::row).optional().orElse(NONE);
	}

	private static Waiting row(ResultSet rs, int n) throws SQLException {
		Date day = rs.getDate(3);
		return new Waiting(rs.getLong(1), rs.getLong(2), day == null ? null : day.toLocalDate());
	}

	/** The first item's own page (its id between prefix and suffix) whatever the count; {@code none} when none waits. */
	public String first(String prefix, String suffix, String none) {
		return count == 0 ? none : prefix + firstId + suffix;
	}

	/** The item itself when it is the only one, else the list of them all. */
	public String link(String list, String itemPrefix) {
		return count == 1 ? itemPrefix + firstId : list;
	}
}
