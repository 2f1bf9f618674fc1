package org.anjian.shared.database;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells {@link TextLimits} where to read the bounds: the database's own check constraints, read when first needed. */
@Component
class TextLimitsCatalog {

	TextLimitsCatalog(JdbcClient jdbc) {
		TextLimits.readFrom(() -> {
			Map<String, String> constraints = new HashMap<>();
			jdbc.sql("""
					select conname, pg_get_constraintdef(oid) from pg_constraint
					where contype = 'c' and (conname like '%\\_length' or conname like '%\\_size')""")
				.query(rs -> {
					constraints.put(rs.getString(1), rs.getString(2));
				});
			return constraints;
		});
	}
}
