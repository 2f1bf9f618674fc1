package org.anjian.enterprise.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The GB/T 4754-2017 industry divisions (行业大类) an enterprise file may name: public reference data, read here
 * for the forms' choices and the file's wording, as the registry checks codes against the same table.
 */
@Component
public class IndustryDivisions {

	private final JdbcClient jdbc;

	IndustryDivisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A division: its two-digit code and its name. */
	public record Division(String code, String name) {
	}

	/** Whether a code is an industry division of GB/T 4754-2017. */
	public boolean exists(String code) {
		return jdbc.sql("select exists (select 1 from industry_division where code = :code)")
			.param("code", code)
			.query(Boolean.class)
			.single();
	}

	public List<Division> all() {
		return jdbc.sql("select code, name from industry_division order by code")
			.query((rs, n) -> new Division(rs.getString("code"), rs.getString("name")))
			.list();
	}
}
