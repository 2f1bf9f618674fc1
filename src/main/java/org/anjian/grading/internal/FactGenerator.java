package org.anjian.grading.internal;

import java.time.LocalDate;

import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Generates a plausible history of facts for the enterprises of the registry, until the modules that publish
 * real facts exist: mostly alarms and general hazards, fewer reports, penalties and self-reported hazards, a few
 * major and overdue hazards (about 97% of major hazards rectified, as in the city's figures) and rare accidents,
 * over the last four years. One set-based statement; deterministic for a seed (hash-based, not random()); a
 * second run with the same seed adds nothing. The audit trail records one summary.
 */
@Component
public class FactGenerator {

	/** Uniform in [0, 1) from the fact's number and a salt, the same for the same seed. */
	private static final String U = "((hashint8extended(g.i, :seed * 16 + %d) & 2147483647)::float8 / 2147483648.0)";

	private static final String INSERT = """
			insert into risk_fact (uscc, district_code, street_code, kind, occurred_on, accident_level, deaths, injuries,
			    amount, resolved_on, source)
			select e.uscc, e.district_code, e.street_code, f.kind, f.occurred_on,
			       case when f.kind = 'ACCIDENT' then case when f.u4 < 0.97 then 'GENERAL' when f.u4 < 0.995 then 'LARGER'
			                                              else 'MAJOR' end end,
			       case when f.kind = 'ACCIDENT' then case when f.u5 < 0.7 then 0 when f.u5 < 0.95 then 1 else 2 + (f.u6 * 2)::int end
			            else 0 end,
			       case when f.kind = 'ACCIDENT' then (f.u6 * 5)::int else 0 end,
			       case when f.kind = 'PENALTY' then round((5000 + f.u5 * f.u5 * 495000)::numeric, -3) end,
			       case when f.kind in ('MAJOR_HAZARD', 'OVERDUE_HAZARD') and f.u5 < 0.97
			                 and f.occurred_on + (1 + (f.u6 * 60)::int) <= :today
			            then f.occurred_on + (1 + (f.u6 * 60)::int) end,
			       'gen:' || :seed || ':' || f.i
			from (
			  select g.i, %s as u1, %s as u4, %s as u5, %s as u6,
			         case when %s < 0.35 then 'ALARM' when %s < 0.65 then 'GENERAL_HAZARD'
			              when %s < 0.77 then 'SELF_REPORTED_HAZARD' when %s < 0.83 then 'VERIFIED_REPORT'
			              when %s < 0.89 then 'PENALTY' when %s < 0.92 then 'MAJOR_HAZARD'
			              when %s < 0.96 then 'OVERDUE_HAZARD' when %s < 0.99 then 'GROUP_SUPERVISION' else 'ACCIDENT' end as kind,
			         :today - (%s * 1460)::int as occurred_on
			  from generate_series(:from, :to) g(i)
			) f
			join fact_generator_enterprise e on e.ord = (f.u1 * :enterprises)::bigint %% :enterprises
			on conflict (source) do nothing""".formatted(u(1), u(4), u(5), u(6), u(2), u(2), u(2), u(2), u(2), u(2), u(2),
			u(2), u(3));

	/** From this many facts on, the load rebuilds the secondary indexes instead of maintaining them row by row. */
	static final long LARGE = 200_000;

	/** The secondary indexes of V8, re-created after a large load. */
	private static final String INDEXES = """
			create index risk_fact_enterprise on risk_fact (uscc, occurred_on);
			create index risk_fact_override_candidates on risk_fact (uscc)
			  where (kind = 'ACCIDENT' and deaths > 0) or (kind in ('MAJOR_HAZARD', 'OVERDUE_HAZARD') and resolved_on is null)""";

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	FactGenerator(JdbcClient jdbc, TransactionTemplate transactions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	private static String u(int salt) {
		return U.formatted(salt);
	}

	/** Generates facts number 1 to {@code count} of {@code seed}; returns how many were new. */
	public long generate(long count, long seed, LocalDate today) {
		return SystemScope.call("generate facts", () -> transactions.execute(status -> {
			jdbc.sql("select set_config('anjian.bulk', 'on', true)").query((rs, n) -> 1).list();
			jdbc.sql("""
					create temporary table fact_generator_enterprise on commit drop as
					select row_number() over (order by uscc) - 1 as ord, uscc, district_code, street_code
					from enterprise_register where operating_status <> 'DEREGISTERED'""").update();
			jdbc.sql("create index on fact_generator_enterprise (ord)").update();
			long enterprises = jdbc.sql("select count(*) from fact_generator_enterprise").query(Long.class).single();
			if (enterprises == 0) {
				return 0L;
			}
			long present = jdbc.sql("select greatest(reltuples, 0)::bigint from pg_class where oid = 'risk_fact'::regclass")
				.query(Long.class)
				.single();
			boolean large = count >= LARGE && count >= present; // rebuilding pays only when the load at least doubles the table
			if (large) {
				// the audit trigger would only skip each row of a bulk load; indexes are cheaper built once
				jdbc.sql("alter table risk_fact disable trigger audit").update();
				jdbc.sql("drop index risk_fact_enterprise").update();
				jdbc.sql("drop index risk_fact_override_candidates").update();
			}
			long added = 0;
			// in slices, so that one statement never holds ten million rows of work at once
			for (long from = 1; from <= count; from += 1_000_000) {
				long to = Math.min(count, from + 999_999);
				added += jdbc.sql(INSERT)
					.param("seed", seed)
					.param("today", today)
					.param("from", from)
					.param("to", to)
					.param("enterprises", enterprises)
					.update();
			}
			if (large) {
				jdbc.sql("select set_config('maintenance_work_mem', '512MB', true)").query((rs, n) -> 1).list();
				jdbc.sql(INDEXES).update();
				jdbc.sql("alter table risk_fact enable trigger audit").update();
			}
			jdbc.sql("""
					select anjian_audit_append('risk_fact', null, :action, null,
					    json_build_object('seed', :seed, 'requested', :requested, 'added', :added)::text, null, null)""")
				.param("action", GradingAction.GENERATE_FACTS.code()).param("seed", seed).param("requested", count)
				.param("added", added)
				.query((rs, n) -> 1)
				.list();
			jdbc.sql("analyze risk_fact").update();
			return added;
		}));
	}
}
