package org.anjian.planning.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.anjian.planning.ItemKind;
import org.anjian.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The staff's quarterly and monthly views of a plan's schedule (季度、月度排期): items by month and kind, each
 * officer's inspections in the period, and for a month its items day by day with their officers. It reads what
 * the scheduler wrote on the items ({@code planned_month}, {@code planned_on}, the two officers); items without a
 * month are counted as not yet scheduled.
 */
@Service
public class PlanScheduleViews {

	/** Rows of a month's item list per page: a city's month holds thousands. */
	public static final int ITEMS_PER_PAGE = 200;

	private final PlanStore store;
	private final JdbcClient jdbc;

	PlanScheduleViews(PlanStore store, JdbcClient jdbc) {
		this.store = store;
		this.jdbc = jdbc;
	}

	/** A quarter or a month of the plan's year. */
	public record Period(Integer quarter, Integer month) {

		/** Exactly one of a quarter (1 to 4) or a month (1 to 12). */
		public static Period of(String quarter, String month) {
			boolean q = quarter != null && !quarter.isBlank();
			boolean m = month != null && !month.isBlank();
			if (q == m) {
				throw new InvalidInputException(q ? "month" : "quarter", "请选择一个季度（1 至 4）或一个月份（1 至 12）");
			}
			if (q) {
				return new Period(number(quarter, 4, "quarter", "季度须为 1 至 4 之间的数字"), null);
			}
			return new Period(null, number(month, 12, "month", "月份须为 1 至 12 之间的数字"));
		}

		private static int number(String text, int max, String field, String message) {
			try {
				int n = Integer.parseInt(text.trim());
				if (n >= 1 && n <= max) {
					return n;
				}
			}
			catch (NumberFormatException e) {
				// told below, with the range
			}
			throw new InvalidInputException(field, message + "，您填写的是“" + text.trim() + "”");
		}

		public int firstMonth() {
			return quarter != null ? quarter * 3 - 2 : month;
		}

		public int lastMonth() {
			return quarter != null ? quarter * 3 : month;
		}
	}

	/** One month's count of scheduled items by kind. */
	public record MonthCount(int month, Map<ItemKind, Integer> byKind, int total) {
	}

	/** An officer's inspections in the period, as lead and as second officer. */
	public record OfficerLoad(long officerId, String name, String badgeNumber, int lead, int second) {

		public int total() {
			return lead + second;
		}
	}

	/** An item of a month, on its day, with its two officers. */
	public record DayItem(long itemId, LocalDate day, String uscc, String enterpriseName, ItemKind kind,
			List<String> matters, String leadName, String secondName) {
	}

	/** A page of a month's items. */
	public record DayItems(List<DayItem> items, int page, int pages, int total) {
	}

	public record Overview(Period period, List<MonthCount> months, int unscheduled, List<OfficerLoad> officers) {
	}

	public Overview overview(long planId, Period period) {
		store.plan(planId);
		Map<Integer, Map<ItemKind, Integer>> counts = new TreeMap<>();
		for (int m = period.firstMonth(); m <= period.lastMonth(); m++) {
			counts.put(m, emptyCounts());
		}
		jdbc.sql("""
				select planned_month, kind, count(*) as n from plan_item
				where plan_id = :plan and planned_month between :first and :last group by planned_month, kind""")
			.param("plan", planId).param("first", period.firstMonth()).param("last", period.lastMonth())
			.query(rs -> {
				counts.get(rs.getInt("planned_month")).put(ItemKind.valueOf(rs.getString("kind")), rs.getInt("n"));
			});
		List<MonthCount> months = new ArrayList<>();
		counts.forEach((m, byKind) -> months.add(new MonthCount(m, byKind,
				byKind.values().stream().mapToInt(Integer::intValue).sum())));
		int unscheduled = jdbc.sql("select count(*) from plan_item where plan_id = :plan and planned_month is null")
			.param("plan", planId).query(Integer.class).single();
		List<OfficerLoad> officers = jdbc.sql("""
				select o.id, o.name, o.badge_number,
				  count(*) filter (where i.lead_officer_id = o.id) as lead_count,
				  count(*) filter (where i.second_officer_id = o.id) as second_count
				from plan_item i join officer_directory o on o.id in (i.lead_officer_id, i.second_officer_id)
				where i.plan_id = :plan and i.planned_month between :first and :last
				group by o.id, o.name, o.badge_number order by o.badge_number""")
			.param("plan", planId).param("first", period.firstMonth()).param("last", period.lastMonth())
			.query((rs, n) -> new OfficerLoad(rs.getLong("id"), rs.getString("name"), rs.getString("badge_number"),
					rs.getInt("lead_count"), rs.getInt("second_count")))
			.list();
		return new Overview(period, months, unscheduled, officers);
	}

	/** A month's items day by day, a page at a time. */
	public DayItems month(long planId, int month, int page) {
		return month(planId, month, page, ITEMS_PER_PAGE);
	}

	/** With another page size, for tests that page without making hundreds of items. */
	DayItems month(long planId, int month, int page, int perPage) {
		store.plan(planId);
		int total = jdbc.sql("select count(*) from plan_item where plan_id = :plan and planned_month = :month")
			.param("plan", planId).param("month", month).query(Integer.class).single();
		int pages = Math.max(1, (total + perPage - 1) / perPage);
		int shown = Math.min(Math.max(page, 1), pages);
		List<DayItem> items = jdbc.sql("""
				select i.id, i.planned_on, i.uscc, e.name as enterprise_name, i.kind, i.matters,
				  lo.name as lead_name, so.name as second_name
				from plan_item i
				  left join enterprise_register e on e.uscc = i.uscc
				  left join officer_directory lo on lo.id = i.lead_officer_id
				  left join officer_directory so on so.id = i.second_officer_id
				where i.plan_id = :plan and i.planned_month = :month
				order by i.planned_on, i.uscc, i.sequence limit :limit offset :offset""")
			.param("plan", planId).param("month", month).param("limit", perPage)
			.param("offset", (shown - 1) * perPage)
			.query((rs, n) -> new DayItem(rs.getLong("id"), rs.getDate("planned_on").toLocalDate(), rs.getString("uscc"),
					rs.getString("enterprise_name"), ItemKind.valueOf(rs.getString("kind")),
					List.of(PlanStore.strings(rs.getArray("matters"))), rs.getString("lead_name"),
					rs.getString("second_name")))
			.list();
		return new DayItems(items, shown, pages, total);
	}

	private static Map<ItemKind, Integer> emptyCounts() {
		Map<ItemKind, Integer> byKind = new EnumMap<>(ItemKind.class);
		for (ItemKind kind : ItemKind.values()) {
			byKind.put(kind, 0);
		}
		return byKind;
	}
}
