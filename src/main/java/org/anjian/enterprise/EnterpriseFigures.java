package org.anjian.enterprise;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The registry in figures, for the home page; counted under the caller's scope like every other query. */
@Component
public class EnterpriseFigures {

	private final JdbcClient jdbc;

	EnterpriseFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * How many enterprise files the caller may see. Row-level security limits the count; the count reads only
	 * the narrow place index, which is what it needs to decide visibility.
	 */
	public long countVisible() {
		return jdbc.sql("select count(*) from enterprise").query(Long.class).single();
	}
}
