package org.anjian.grading.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Optional;

import org.anjian.grading.Grade;
import org.anjian.grading.GradeCause;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Regrades every enterprise of the city in one set-based pass over the facts: inherent points from each file,
 * fact points within their windows with their decay, caps, overrides, then score, grade and breakdown per
 * enterprise, written in one statement together with the grade history of those whose grade moved. It gives
 * exactly what {@link Scoring} gives for each enterprise. Run as the system; the audit trail records one summary
 * of the run instead of a million rows of derived data.
 */
@Service
public class FullRegrade {

	/**
	 * Computes grades into a temporary table; the same rules as {@link Scoring}, line by line. Formatted with two
	 * extra conditions, on facts ({@code r}) and on enterprises ({@code e}): empty for the whole city. The files are
	 * read from the registry's published view {@code enterprise_register}, which PostgreSQL inlines.
	 */
	static final String COMPUTE_SOME = """
			create temporary table regrade_result on commit drop as
			with items as (
			  select item, points from scoring_item where policy_version = :v
			), factor as (
			  select f.*, (cast(:asOf as date) - make_interval(months => f.window_months))::date as window_start,
			         cast(:asOf as date) - (cast(:asOf as date) - make_interval(months => f.window_months))::date as window_days
			  from scoring_factor f where f.policy_version = :v
			), fact_points as (
			  select r.uscc, r.kind, r.id as fact_id,
			         round((fa.each + coalesce(li.points, 0) + fa.per_death * r.deaths + fa.per_injury * r.injuries
			                + fa.per_ten_thousand_yuan * coalesce(r.amount, 0) / 10000)
			               * (fa.window_days - (1 - fa.decay_floor) * (cast(:asOf as date) - r.occurred_on))
			               / fa.window_days, 1) as points
			  from risk_fact r
			  join factor fa on fa.kind = r.kind
			  left join items li on li.item = 'ACCIDENT_LEVEL:' || r.accident_level
			  where r.occurred_on > fa.window_start and r.occurred_on <= :asOf %1$s
			), per_kind as (
			  select uscc, kind, sum(points) as total,
			         jsonb_agg(jsonb_build_object('item', 'FACT:' || kind, 'fact', fact_id, 'points', points)) as lines
			  from fact_points group by uscc, kind
			), capped as (
			  select k.uscc, k.total + coalesce(c.adjustment, 0) as total,
			         case when c.adjustment is null then k.lines
			              else k.lines || jsonb_build_array(jsonb_build_object('item', 'CAP:' || k.kind, 'fact', null,
			                                                                    'points', c.adjustment)) end as lines
			  from per_kind k
			  join factor fa on fa.kind = k.kind
			  left join lateral (
			    select round(fa.cap, 1) - k.total as adjustment
			    where fa.cap is not null and ((fa.cap >= 0 and k.total > fa.cap) or (fa.cap < 0 and k.total < fa.cap))
			  ) c on true
			), per_enterprise as (
			  select uscc, sum(total) as total, anjian_jsonb_concat(lines) as lines from capped group by uscc
			), overrides as (
			  select r.uscc, array_agg(distinct o.kind order by o.kind) as kinds, min(o.grade) as strictest
			  from risk_fact r
			  join scoring_override o on o.policy_version = :v
			   and o.kind = case r.kind when 'ACCIDENT' then 'FATAL_ACCIDENT' when 'MAJOR_HAZARD' then 'OPEN_MAJOR_HAZARD'
			                            else 'OPEN_OVERDUE_HAZARD' end
			  where ((r.kind = 'ACCIDENT' and r.deaths > 0)
			         or (r.kind in ('MAJOR_HAZARD', 'OVERDUE_HAZARD') and r.resolved_on is null))
			    and r.occurred_on <= :asOf %1$s
			    and (o.window_months is null
			         or r.occurred_on > (cast(:asOf as date) - make_interval(months => o.window_months))::date)
			  group by r.uscc
			), scored as (
			  select e.uscc, e.district_code, e.street_code, e.sector,
			         coalesce(inh.total, 0) + coalesce(pe.total, 0) as score,
			         coalesce(inh.lines, '[]'::jsonb) || coalesce(pe.lines, '[]'::jsonb) as breakdown,
			         coalesce(ov.kinds, '{}') as overrides, ov.strictest
			  from enterprise_register e
			  cross join lateral (
			    select sum(i.points) as total,
			           jsonb_agg(jsonb_build_object('item', i.item, 'fact', null, 'points', i.points)) as lines
			    from (select 'SECTOR:' || e.sector
			          union all select 'TAG:' || t from unnest(e.risk_tags) t
			          union all select 'MAJOR_HAZARD_LEVEL:' || e.major_hazard_level where e.major_hazard_level is not null
			          union all select 'STANDARDIZATION:' || e.standardization_grade where e.standardization_grade <> 'NONE'
			          union all select 'INSURANCE' where e.liability_insurance) k(item)
			    join items i on i.item = k.item
			  ) inh
			  left join per_enterprise pe on pe.uscc = e.uscc
			  left join overrides ov on ov.uscc = e.uscc
			  where e.operating_status <> 'DEREGISTERED' %2$s
			)
			select s.*, p.points_grade, least(p.points_grade, s.strictest) as grade
			from scored s
			cross join lateral (
			  select case when s.score >= sp.threshold_a then 'A' when s.score >= sp.threshold_b then 'B'
			              when s.score >= sp.threshold_c then 'C' else 'D' end as points_grade
			  from scoring_policy sp where sp.version = :v
			) p""";

	/** The advisory lock that lets one full regrade run at a time across instances. */
	static final long LOCK = 0x616e6a69616e01L;

	static final String COMPUTE = COMPUTE_SOME.formatted("", "");

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final ScoringPolicies policies;

	private final WatchList watchList;

	private final Clock clock;

	FullRegrade(JdbcClient jdbc, TransactionTemplate transactions, ScoringPolicies policies, WatchList watchList,
			Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.policies = policies;
		this.watchList = watchList;
		this.clock = clock;
	}

	/** What one run did. */
	public record Run(int policyVersion, LocalDate asOf, int enterprises, int changedGrades, Duration took) {
	}

	/** Regrades the city under the active policy as of today. */
	@Authorized(Act.REGRADE_ALL)
	public Run regradeAll() {
		return regradeAll(LocalDate.now(clock), GradeCause.REGRADE);
	}

	public Run regradeAll(LocalDate asOf, GradeCause cause) {
		return SystemScope.call("regrade", () -> transactions.execute(status -> {
			jdbc.sql("select pg_advisory_xact_lock(:key)").param("key", LOCK).query((rs, n) -> 1).list();
			return run(asOf, cause);
		}));
	}

	/** Regrades the city unless another instance is regrading it right now (then empty). */
	public Optional<Run> regradeAllIfFree() {
		return SystemScope.call("regrade", () -> transactions.execute(status -> {
			boolean free = jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", LOCK).query(Boolean.class).single();
			return free ? Optional.of(run(LocalDate.now(clock), GradeCause.REGRADE)) : Optional.<Run>empty();
		}));
	}

	/** Receives the count of enterprises moving from one grade (null: not graded yet) to another. */
	public interface MoveCounter {

		void count(Grade from, Grade to, long enterprises);
	}

	/** Scores the city under {@code version} as of {@code asOf}, counts the moves between grades, stores nothing. */
	public void preview(int version, LocalDate asOf, MoveCounter counter) {
		SystemScope.run("preview scoring policy", () -> transactions.executeWithoutResult(status -> {
			jdbc.sql("select set_config('work_mem', '256MB', true)").query((rs, n) -> 1).list();
			jdbc.sql(COMPUTE).param("v", version).param("asOf", asOf).update();
			jdbc.sql("""
					select g.grade as from_grade, r.grade as to_grade, count(*) as n
					from regrade_result r left join risk_grade g on g.uscc = r.uscc
					group by 1, 2 order by 1 nulls first, 2""")
				.query(rs -> {
					String from = rs.getString("from_grade");
					counter.count(from == null ? null : Grade.valueOf(from), Grade.valueOf(rs.getString("to_grade")),
							rs.getLong("n"));
				});
			status.setRollbackOnly();
		}));
	}

	private Run run(LocalDate asOf, GradeCause cause) {
		OffsetDateTime started = OffsetDateTime.now(clock);
		long startedNanos = System.nanoTime();
		int version = policies.activeVersion();
		jdbc.sql("select set_config('anjian.bulk', 'on', true), set_config('work_mem', '256MB', true)")
			.query((rs, n) -> 1)
			.list();
		int enterprises = jdbc.sql(COMPUTE).param("v", version).param("asOf", asOf).update();
		int changed = write(version, asOf, cause);
		jdbc.sql("delete from risk_grade g where not exists (select 1 from regrade_result r where r.uscc = g.uscc)")
			.update();
		watchList.refresh(null);
		Duration took = Duration.ofNanos(System.nanoTime() - startedNanos);
		Long runId = jdbc.sql("""
				insert into grading_run (policy_version, as_of, started_at, finished_at, enterprises, changed_grades)
				values (:v, :asOf, :started, :finished, :enterprises, :changed) returning id""")
			.param("v", version)
			.param("asOf", asOf)
			.param("started", started)
			.param("finished", started.plus(took))
			.param("enterprises", enterprises)
			.param("changed", changed)
			.query(Long.class)
			.single();
		jdbc.sql("""
				select anjian_audit_append('grading_run', :id, :action, null,
				    json_build_object('policyVersion', :version, 'asOf', cast(:asOf as date), 'enterprises', :enterprises,
				                      'changedGrades', :changed)::text, null, null)""")
			.param("id", String.valueOf(runId))
			.param("action", GradingAction.REGRADE.code())
			.param("version", version).param("asOf", asOf).param("enterprises", enterprises).param("changed", changed)
			.query((rs, n) -> 1)
			.list();
		return new Run(version, asOf, enterprises, changed, took);
	}

	/**
	 * Regrades some enterprises (a batch of corrected files) in the caller's transaction and scope, with the same
	 * statement restricted to them; every written grade is audited like any write. Returns how many grades moved.
	 */
	public int regradeSome(Collection<String> usccs) {
		if (usccs.isEmpty()) {
			return 0;
		}
		Regrading.lock(jdbc, usccs);
		int version = policies.activeVersion();
		LocalDate asOf = LocalDate.now(clock);
		String[] codes = usccs.toArray(String[]::new);
		jdbc.sql(COMPUTE_SOME.formatted("and r.uscc = any(:codes)", "and e.uscc = any(:codes)"))
			.param("v", version)
			.param("asOf", asOf)
			.param("codes", codes)
			.update();
		int changed = write(version, asOf, GradeCause.FACT);
		jdbc.sql("""
				delete from risk_grade g where g.uscc = any(:codes)
				and not exists (select 1 from regrade_result r where r.uscc = g.uscc)""")
			.param("codes", codes)
			.update();
		jdbc.sql("drop table regrade_result").update();
		return changed;
	}

	/** Writes the computed grades and, for those that moved, their history; returns how many moved. */
	private int write(int version, LocalDate asOf, GradeCause cause) {
		OffsetDateTime now = OffsetDateTime.now(clock);
		int changed = jdbc.sql("""
				insert into grade_change (uscc, district_code, street_code, changed_at, as_of, from_grade, to_grade,
				    score, policy_version, cause)
				select r.uscc, r.district_code, r.street_code, :now, :asOf, g.grade, r.grade, r.score, :v, :cause
				from regrade_result r left join risk_grade g on g.uscc = r.uscc
				where g.grade is distinct from r.grade""")
			.param("now", now)
			.param("asOf", asOf)
			.param("v", version)
			.param("cause", cause.name())
			.update();
		jdbc.sql("""
				insert into risk_grade as g (uscc, district_code, street_code, sector, policy_version, as_of, score,
				    points_grade, grade, overrides, breakdown, graded_at)
				select uscc, district_code, street_code, sector, :v, :asOf, score, points_grade, grade, overrides,
				       breakdown, :now
				from regrade_result
				on conflict (uscc) do update set district_code = excluded.district_code,
				    street_code = excluded.street_code, sector = excluded.sector,
				    policy_version = excluded.policy_version, as_of = excluded.as_of, score = excluded.score,
				    points_grade = excluded.points_grade, grade = excluded.grade, overrides = excluded.overrides,
				    breakdown = excluded.breakdown, graded_at = excluded.graded_at
				where (g.score, g.grade, g.points_grade, g.overrides, g.policy_version, g.district_code, g.sector)
				      is distinct from (excluded.score, excluded.grade, excluded.points_grade, excluded.overrides,
				                        excluded.policy_version, excluded.district_code, excluded.sector)
				   or g.street_code is distinct from excluded.street_code or g.breakdown <> excluded.breakdown""")
			.param("v", version)
			.param("asOf", asOf)
			.param("now", now)
			.update();
		return changed;
	}
}
