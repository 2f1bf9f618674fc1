package org.anjian.grading.internal;

import java.time.LocalDate;
import java.util.List;

import org.anjian.grading.AccidentLevel;
import org.anjian.grading.FactKind;
import org.anjian.grading.RiskFact;
import org.anjian.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The facts known of enterprises, in the caller's jurisdiction. A fact carries its enterprise's place so that
 * row-level security scopes it like the enterprise itself; a fact with a {@code source} already recorded is
 * not recorded twice.
 */
@Component
public class RiskFacts {

	private final JdbcClient jdbc;

	RiskFacts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores the fact and returns it with its id; the fact already recorded from the same source if there is one. */
	public RiskFact add(RiskFact fact) {
		if (fact.source() != null) {
			List<RiskFact> known = jdbc.sql("select * from risk_fact where source = :source")
				.param("source", fact.source())
				.query((rs, n) -> map(rs))
				.list();
			if (!known.isEmpty()) {
				return known.get(0);
			}
		}
		Long id = jdbc.sql("""
				insert into risk_fact (uscc, district_code, street_code, kind, occurred_on, accident_level, deaths,
				    injuries, amount, resolved_on, source)
				select uscc, district_code, street_code, :kind, :on, :level, :deaths, :injuries, :amount, :resolved, :source
				from enterprise_register where uscc = :uscc
				returning id""")
			.param("uscc", fact.uscc())
			.param("kind", fact.kind().name())
			.param("on", fact.occurredOn())
			.param("level", fact.accidentLevel() == null ? null : fact.accidentLevel().name())
			.param("deaths", fact.deaths())
			.param("injuries", fact.injuries())
			.param("amount", fact.amount())
			.param("resolved", fact.resolvedOn())
			.param("source", fact.source())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("企业 " + fact.uscc() + " 不存在或不在您的管辖范围内"));
		return fact.withId(id);
	}

	/** Marks the hazard fact from {@code source} rectified on {@code day}; false if there is none. */
	public boolean resolve(String source, LocalDate day) {
		return jdbc.sql("update risk_fact set resolved_on = :day where source = :source and resolved_on is null")
			.param("day", day)
			.param("source", source)
			.update() > 0;
	}

	/** Whether the caller can see the enterprise. */
	public boolean visible(String uscc) {
		return jdbc.sql("select exists (select 1 from enterprise_register where uscc = :uscc)")
			.param("uscc", uscc)
			.query(Boolean.class)
			.single();
	}

	/** Every fact of one enterprise, newest first. */
	public List<RiskFact> of(String uscc) {
		return jdbc.sql("select * from risk_fact where uscc = :uscc order by occurred_on desc, id")
			.param("uscc", uscc)
			.query((rs, n) -> map(rs))
			.list();
	}

	private static RiskFact map(java.sql.ResultSet rs) throws java.sql.SQLException {
		String level = rs.getString("accident_level");
		return new RiskFact(rs.getLong("id"), rs.getString("uscc"), FactKind.valueOf(rs.getString("kind")),
				rs.getObject("occurred_on", LocalDate.class), level == null ? null : AccidentLevel.valueOf(level),
				rs.getInt("deaths"), rs.getInt("injuries"), rs.getBigDecimal("amount"),
				rs.getObject("resolved_on", LocalDate.class), rs.getString("source"));
	}
}
