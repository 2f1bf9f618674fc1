package org.anjian.hazard.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.anjian.audit.AuditEntry;
import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.HazardRows;
import org.anjian.hazard.HazardStatus;
import org.anjian.shared.ResultPage;
import org.anjian.shared.database.ConnectionScope;
import org.anjian.shared.database.PagedQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The hazard ledger (隐患台账) as its readers see it: officers the hazards of their jurisdiction, filtered and paged,
 * open ones with the nearest deadline first; an enterprise's user its own hazards and reminders (row security
 * decides which rows either reaches). Days left and days overdue are counted from the deadline and today, as
 * {@link Hazard#overdueOn} counts overdue.
 */
@Service
public class HazardLedger {

	public static final int PAGE_SIZE = ResultPage.DEFAULT_SIZE;

	/** Up to this many enterprises named by the filter, the list reads their hazards by code. */
	static final int NAMED = 200;

	/** A whole credit code (its alphabet, 18 characters): the enterprise filter then finds its hazards by the code. */
	private static final Pattern CODE = Pattern.compile("[0-9A-HJ-NP-RTUWXY]{18}");

	/**
	 * The writes that record a hazard, in the words of its history: the hazard is registered, not "added"; every
	 * other act is named by its label ({@link HazardAction} and the other modules' actions).
	 */
	private static final Map<String, String> RECORDED = Map.of("insert", "登记隐患", "inspection.finish", "检查完成，登记隐患");

	private final HazardRectification rectification;
	private final AuditTrail audit;
	private final AuditLabels labels;
	private final JdbcClient jdbc;
	private final ObjectMapper json;
	private final EnterpriseRegistry registry;
	private final Clock clock;

	HazardLedger(HazardRectification rectification, AuditTrail audit, AuditLabels labels,
			JdbcClient jdbc, ObjectMapper json, EnterpriseRegistry registry, Clock clock) {
		this.registry = registry;
		this.rectification = rectification;
		this.audit = audit;
		this.labels = labels;
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
	}

	/** What to show: a status, only overdue ones, only major ones, an enterprise by (part of) its name or its code. */
	public record Filter(HazardStatus status, boolean overdue, boolean major, String enterprise) {

		public Filter {
			enterprise = enterprise == null || enterprise.isBlank() ? null : enterprise.trim();
		}
	}

	/** A hazard with its enterprise's name and where it stands against its deadline today. */
	public record Line(Hazard hazard, String enterprise, boolean overdue, Long daysLeft, Long daysOverdue) {

		/** Days left or days overdue in words, empty when the deadline no longer runs. */
		public String timeLeft() {
			if (daysOverdue != null) {
				return "逾期 " + daysOverdue + " 天";
			}
			if (daysLeft == null) {
				return "";
			}
			return daysLeft == 0 ? "今天到期" : "剩余 " + daysLeft + " 天";
		}
	}

	/** A reminder the deadline job left the enterprise. */
	public record Reminder(long hazardId, String description, String kind, LocalDate deadline, Instant createdAt) {

		public String label() {
			return "OVERDUE".equals(kind) ? "已逾期" : "即将到期";
		}
	}

	/** One act in a hazard's history: when, who, which act, and the state it left. */
	public record Step(Instant at, String actor, String act, String status) {
	}

	/**
	 * The hazards the caller reaches that match the filter, the open ones with the nearest deadline first: a page of
	 * {@value #PAGE_SIZE}, counted up to {@link ResultPage#COUNT_CAP}. The order is the one the indexes of V114 keep
	 * (the city's, and each district's), so a page reads its own rows and not the whole ledger: under 300 ms city-wide
	 * at 10,000,000 hazards ({@code bench hazards}). Every condition is leakproof, so that the indexes serve it under row
	 * security (docs/adr/0005): the caller's own district or street repeated as an equality, a status as the order's
	 * first column and the status itself, overdue as a range of deadlines.
	 */
	public ResultPage<Line> search(Filter filter, Integer page) {
		LocalDate today = today();
		Query query = query(filter, today);
		ResultPage<Long> ids = PagedQuery.page(jdbc, "select h.id", query.from(), query.order(), query.params(),
				(rs, n) -> rs.getLong(1), page, PAGE_SIZE);
		return ids.withItems(lines(ids.items(), today));
	}

	/** The list's {@code from … where …} for a filter and the caller's scope, its order and its parameters. */
	record Query(String from, String order, Map<String, Object> params) {
	}

	Query query(Filter filter, LocalDate today) {
		StringBuilder where = new StringBuilder(" from hazard h where true");
		Map<String, Object> params = new HashMap<>();
		// hazards of enterprises by code: their index finds them, and row security alone keeps the caller's reach
		boolean byCode = enterpriseCondition(filter.enterprise(), where, params);
		if (!byCode) {
			where.append(ConnectionScope.of(jdbc).narrowing("h", params));
		}
		if (filter.status() != null) {
			// a literal (an enum's name), so that the plan is made for this status and its partial index
			where.append(filter.status() == HazardStatus.VERIFIED ? " and h.status = 'VERIFIED'"
					: " and h.status <> 'VERIFIED' and h.status = '" + filter.status().name() + "'");
		}
		if (filter.overdue()) {
			// as Hazard.overdueOn: still being rectified, the deadline passed
			where.append(" and h.status <> 'VERIFIED' and h.status = 'RECTIFYING' and h.deadline < :today");
			params.put("today", today);
		}
		if (filter.major()) {
			where.append(" and h.major");
		}
		// one status: the ledger's first key is the same for every row, and the indexes of that status keep the rest
		boolean oneStatus = filter.status() != null || filter.overdue();
		return new Query(where.toString(), oneStatus ? ORDER_WITHIN_STATUS : ORDER, params);
	}

	/**
	 * The enterprise filter: a whole credit code, or the codes of the few enterprises whose name contains the words
	 * (the registry's grams index finds them); a fragment many names share is matched in the registry's published
	 * view as the ledger's order reaches the hazards. True when the hazards are found by their enterprises' codes.
	 */
	private boolean enterpriseCondition(String enterprise, StringBuilder where, Map<String, Object> params) {
		if (enterprise == null) {
			return false;
		}
		String code = enterprise.toUpperCase();
		if (CODE.matcher(code).matches()) {
			where.append(" and h.uscc = :uscc");
			params.put("uscc", code);
			return true;
		}
		List<String> named = registry.codesNamed(enterprise, NAMED + 1);
		if (named.size() <= NAMED) {
			where.append(" and h.uscc = any(:named)");
			params.put("named", named.toArray(String[]::new));
			return true;
		}
		where.append(" and h.uscc in (select e.uscc from enterprise_register e where strpos(e.name, :enterprise) > 0)");
		params.put("enterprise", enterprise);
		return false;
	}

	/** The ledger's order: the open hazards first, the nearest deadline first, the newest first on the same day. */
	static final String ORDER = "order by (h.status = 'VERIFIED'), h.deadline nulls last, h.id desc";

	/** The same order among hazards of one status. */
	static final String ORDER_WITHIN_STATUS = "order by h.deadline nulls last, h.id desc";

	/**
	 * A page of an enterprise's own hazards for its user, in the order of the ledger. Row security lets the user read
	 * no other; its code, repeated as an equality, lets the index of the enterprise's hazards find them among millions.
	 */
	public ResultPage<Line> own(Integer page) {
		LocalDate today = today();
		String own = jdbc.sql("select coalesce(current_setting('anjian.enterprise', true), '')").query(String.class).single();
		ResultPage<Long> ids = PagedQuery.page(jdbc, "select h.id", " from hazard h where h.uscc = :own", ORDER,
				Map.of("own", own), (rs, n) -> rs.getLong(1), page, PAGE_SIZE);
		return ids.withItems(lines(ids.items(), today));
	}

	/** One hazard as a line of the ledger. */
	public Line line(Hazard hazard) {
		return line(hazard, enterpriseName(hazard.uscc()), today());
	}

	/** The enterprise's name, or its credit code when its file is out of the caller's reach. */
	public String enterpriseName(String uscc) {
		return registry.names(List.of(uscc)).getOrDefault(uscc, uscc);
	}

	/** The reminders the caller reaches, newest first: for an enterprise's user, its own. */
	public List<Reminder> reminders() {
		return jdbc.sql("""
				select r.hazard_id, h.description, r.kind, r.deadline, r.created_at
				from hazard_reminder r join hazard h on h.id = r.hazard_id
				order by r.created_at desc, r.id desc limit 50""")
			.query((rs, n) -> new Reminder(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDate(4).toLocalDate(),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	/** The hazard's acts from the audit trail, oldest first. */
	public List<Step> history(long hazardId) {
		rectification.hazard(hazardId);
		List<Step> steps = new ArrayList<>();
		for (AuditEntry entry : audit.history("hazard", String.valueOf(hazardId))) {
			String status = null;
			if (entry.afterState() != null) {
				JsonNode after = json.readTree(entry.afterState());
				JsonNode value = after.get("status");
				if (value != null && value.isString()) {
					status = label(value.asString());
				}
			}
			String act = RECORDED.containsKey(entry.action()) ? RECORDED.get(entry.action()) : labels.label(entry.action());
			steps.add(new Step(entry.occurredAt(), entry.actor(), act, status));
		}
		return steps;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private static String label(String status) {
		try {
			return HazardStatus.valueOf(status).label();
		}
		catch (IllegalArgumentException e) {
			return status;
		}
	}

	/** The lines of these hazards, in the order of the ids. */
	List<Line> lines(List<Long> ids, LocalDate today) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Hazard> byId = HazardRows.byIds(jdbc, ids).stream()
			.collect(Collectors.toMap(Hazard::id, Function.identity()));
		Map<String, String> names = registry.names(byId.values().stream().map(Hazard::uscc).toList());
		return ids.stream().map(byId::get).filter(h -> h != null)
			.map(h -> line(h, names.get(h.uscc()), today)).toList();
	}

	private static Line line(Hazard hazard, String enterprise, LocalDate today) {
		boolean overdue = hazard.overdueOn(today);
		Long daysOverdue = overdue ? ChronoUnit.DAYS.between(hazard.deadline(), today) : null;
		Long daysLeft = !overdue && hazard.status() == HazardStatus.RECTIFYING && hazard.deadline() != null
				? ChronoUnit.DAYS.between(today, hazard.deadline()) : null;
		return new Line(hazard, enterprise == null ? hazard.uscc() : enterprise, overdue, daysLeft, daysOverdue);
	}
}
