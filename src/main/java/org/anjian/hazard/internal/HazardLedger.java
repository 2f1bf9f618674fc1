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
import java.util.stream.Collectors;

import org.anjian.audit.AuditEntry;
import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.HazardStatus;
import org.anjian.hazard.Hazards;
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

	public static final int PAGE_SIZE = 30;

	/**
	 * The writes that record a hazard, in the words of its history: the hazard is registered, not "added"; every
	 * other act is named by its label ({@link HazardAction} and the other modules' actions).
	 */
	private static final Map<String, String> RECORDED = Map.of("insert", "登记隐患", "inspection.finish", "检查完成，登记隐患");

	private final Hazards hazards;
	private final HazardRectification rectification;
	private final AuditTrail audit;
	private final AuditLabels labels;
	private final JdbcClient jdbc;
	private final ObjectMapper json;
	private final EnterpriseRegistry registry;
	private final Clock clock;

	HazardLedger(Hazards hazards, HazardRectification rectification, AuditTrail audit, AuditLabels labels,
			JdbcClient jdbc, ObjectMapper json, EnterpriseRegistry registry, Clock clock) {
		this.registry = registry;
		this.hazards = hazards;
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

	/** One page of the ledger, numbered from 1. */
	public record Page(List<Line> lines, long total, int page, int pages) {
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

	/** The hazards the caller reaches that match the filter, the open ones with the nearest deadline first. */
	public Page search(Filter filter, int page) {
		LocalDate today = today();
		String from = " from hazard h";
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (filter.status() != null) {
			where.append(" and h.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.overdue()) {
			// as Hazard.overdueOn: still being rectified, the deadline passed
			where.append(" and h.status = 'RECTIFYING' and h.deadline < :today");
			params.put("today", today);
		}
		if (filter.major()) {
			where.append(" and h.major");
		}
		if (filter.enterprise() != null) {
			// a join on the registry's published view: a name is matched in the database, however many hazards
			from += " left join enterprise_register e on e.uscc = h.uscc";
			where.append(" and (strpos(e.name, :enterprise) > 0 or h.uscc = upper(:enterprise))");
			params.put("enterprise", filter.enterprise());
		}
		long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(page, 1), pages);
		List<Long> ids = jdbc.sql("select h.id" + from + where
				+ " order by (h.status = 'VERIFIED'), h.deadline nulls last, h.id desc limit :limit offset :offset")
			.params(params).param("limit", PAGE_SIZE).param("offset", (current - 1) * PAGE_SIZE)
			.query(Long.class).list();
		return new Page(lines(ids, today), total, current, pages);
	}

	/** The caller's hazards in the order of the ledger: for an enterprise's user, its own. */
	public List<Line> own() {
		List<Long> ids = jdbc.sql("""
				select id from hazard order by (status = 'VERIFIED'), deadline nulls last, id desc limit 500""")
			.query(Long.class).list();
		return lines(ids, today());
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

	private List<Line> lines(List<Long> ids, LocalDate today) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, Hazard> byId = hazards.findAllById(ids).stream()
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
