package org.anjian.grading.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.database.PagedQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The watch list (不放心企业): enterprises the rules put on it, each with its reasons, refreshed with every regrade,
 * and those officers put on it with a reason. An officer may take an entry off with a reason; a rule entry taken
 * off stays off until its reasons change.
 */
@Service
public class WatchList {

	/** The rules, as SQL giving (uscc, reasons) for the enterprises that meet at least one, as of {@code :today}. */
	static final String RULES = """
			select g.uscc, g.district_code, g.street_code,
			       array_remove(array[
			         case when g.grade = 'A' and r.reports >= 2 then 'A级且12个月内被查实举报' || r.reports || '次' end,
			         case when r.overdue > 0 then '存在逾期未整改隐患' || r.overdue || '项' end,
			         case when r.fatal > 0 then '12个月内发生亡人事故' end
			       ], null) as reasons
			from risk_grade g
			join (
			  select uscc,
			         count(*) filter (where kind = 'VERIFIED_REPORT' and occurred_on > cast(:today as date) - interval '12 months') as reports,
			         count(*) filter (where kind = 'OVERDUE_HAZARD' and resolved_on is null) as overdue,
			         count(*) filter (where kind = 'ACCIDENT' and deaths > 0 and occurred_on > cast(:today as date) - interval '12 months') as fatal
			  from risk_fact
			  where (kind = 'VERIFIED_REPORT' and occurred_on > cast(:today as date) - interval '12 months')
			     or (kind = 'OVERDUE_HAZARD' and resolved_on is null)
			     or (kind = 'ACCIDENT' and deaths > 0 and occurred_on > cast(:today as date) - interval '12 months')
			  %s
			  group by uscc
			) r on r.uscc = g.uscc
			""";

	private final JdbcClient jdbc;

	private final CurrentActor actor;

	private final RiskFacts facts;

	private final Clock clock;

	WatchList(JdbcClient jdbc, CurrentActor actor, RiskFacts facts, Clock clock) {
		this.jdbc = jdbc;
		this.actor = actor;
		this.facts = facts;
		this.clock = clock;
	}

	/** An entry of the list. */
	public record Entry(long id, String uscc, String name, String districtCode, String streetCode, String origin,
			List<String> reasons, OffsetDateTime addedAt, String addedBy, String grade) {
	}

	/** The current entries in the caller's jurisdiction, rule entries first. */
	public List<Entry> entries() {
		return entries(null, 2000).items();
	}

	/** A page of the current entries in the caller's jurisdiction, rule entries first, counted up to the cap. */
	public ResultPage<Entry> entries(Integer page, int size) {
		return PagedQuery.page(jdbc, COLUMNS, FROM, ORDER, Map.of(), WatchList::entry, page, size);
	}

	/** The current entries of one enterprise. */
	public List<Entry> of(String uscc) {
		return jdbc.sql(COLUMNS + FROM + " and w.uscc = :uscc " + ORDER).param("uscc", uscc).query(WatchList::entry)
			.list();
	}

	private static final String COLUMNS = """
			select w.id, w.uscc, e.name, w.district_code, w.street_code, w.origin, w.reasons, w.added_at, w.added_by,
			       g.grade""";

	private static final String FROM = """
			 from watch_entry w join enterprise_register e on e.uscc = w.uscc left join risk_grade g on g.uscc = w.uscc
			where w.removed_at is null""";

	/** The officers' own entries first (what someone just added is on the first page), then the rules'; newest first. */
	private static final String ORDER = " order by (w.origin = 'OFFICER') desc, w.added_at desc, w.id";

	private static Entry entry(ResultSet rs, int n) throws SQLException {
		return new Entry(rs.getLong("id"), rs.getString("uscc"), rs.getString("name"), rs.getString("district_code"),
				rs.getString("street_code"), rs.getString("origin"), List.of((String[]) rs.getArray("reasons").getArray()),
				Regrading.local(rs.getObject("added_at", OffsetDateTime.class)), rs.getString("added_by"),
				rs.getString("grade"));
	}

	/** Brings the rule entries up to date: for every enterprise, or for one ({@code uscc} not null). */
	@Transactional
	public void refresh(String uscc) {
		String only = uscc == null ? "" : "and uscc = :uscc";
		String rules = RULES.formatted(only) + (uscc == null ? "" : " where g.uscc = :uscc");
		String sql = """
				with due as (%s), ended as (
				  update watch_entry w set removed_at = now(), removed_by = 'rule', removal_reason = '规则条件已不再满足'
				  where w.origin = 'RULE' and w.removed_at is null %s
				    and not exists (select 1 from due d where d.uscc = w.uscc and cardinality(d.reasons) > 0)
				  returning w.uscc
				), changed as (
				  update watch_entry w set reasons = d.reasons, version = w.version + 1
				  from due d where w.origin = 'RULE' and w.removed_at is null and w.uscc = d.uscc
				    and cardinality(d.reasons) > 0 and w.reasons <> d.reasons
				  returning w.uscc
				)
				insert into watch_entry (uscc, district_code, street_code, origin, reasons, added_by)
				select d.uscc, d.district_code, d.street_code, 'RULE', d.reasons, 'system'
				from due d
				where cardinality(d.reasons) > 0
				  and not exists (select 1 from watch_entry w where w.uscc = d.uscc and w.origin = 'RULE' and w.removed_at is null)
				  and not exists (select 1 from watch_entry w where w.uscc = d.uscc and w.origin = 'RULE'
				                  and w.removed_by <> 'rule' and w.reasons = d.reasons)
				""".formatted(rules, uscc == null ? "" : "and w.uscc = :uscc");
		var statement = jdbc.sql(sql).param("today", LocalDate.now(clock));
		if (uscc != null) {
			statement = statement.param("uscc", uscc);
		}
		statement.update();
	}

	/** An officer puts an enterprise on the list with a reason. */
	@Authorized(Act.WATCH_ENTERPRISE)
	@Transactional
	public Entry add(String uscc, String reason) {
		if (!facts.visible(uscc)) {
			throw new NotFoundException("企业 " + uscc + " 不存在或不在您的管辖范围内");
		}
		String why = required(reason, "请填写列入不放心企业名单的理由");
		int added = jdbc.sql("""
				insert into watch_entry (uscc, district_code, street_code, origin, reasons, added_by)
				select uscc, district_code, street_code, 'OFFICER', array[:reason], :by from enterprise_register where uscc = :uscc
				on conflict (uscc, origin) where removed_at is null do nothing""")
			.param("uscc", uscc)
			.param("reason", why)
			.param("by", username())
			.update();
		if (added == 0) {
			throw new InvalidInputException("reason", "该企业已由执法人员列入不放心企业名单");
		}
		return of(uscc).stream().filter(e -> e.origin().equals("OFFICER")).findFirst().orElseThrow();
	}

	/** An officer takes an entry off the list with a reason. */
	@Authorized(Act.UNWATCH_ENTERPRISE)
	@Transactional
	public void remove(long entryId, String reason) {
		boolean current = jdbc.sql("select exists (select 1 from watch_entry where id = :id and removed_at is null)")
			.param("id", entryId)
			.query(Boolean.class)
			.single();
		if (!current) {
			throw new NotFoundException("名单条目 " + entryId + " 不存在、已移出或不在您的管辖范围内");
		}
		String why = required(reason, "请填写移出不放心企业名单的理由");
		jdbc.sql("""
				update watch_entry set removed_at = now(), removed_by = :by, removal_reason = :reason,
				    version = version + 1
				where id = :id and removed_at is null""")
			.param("id", entryId)
			.param("by", username())
			.param("reason", why)
			.update();
	}

	private String username() {
		return actor.current().map(org.anjian.shared.Actor::username).orElse("system");
	}

	private static String required(String text, String message) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException("reason", message);
		}
		return text.trim();
	}
}
