package org.anjian.planning.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anjian.planning.ItemCategory;
import org.anjian.planning.ItemKind;
import org.anjian.shared.ResultPage;
import org.anjian.shared.database.PagedQuery;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public monthly list (下月执法对象和执法事项): for one month, the inspections that published plans scheduled
 * in it — the enforcement body, the enterprise's name and credit code, the matters to inspect — grouped by body.
 * Only the month is public, never the day nor the officers. Nothing of plans not yet published. Read as the system, since the public has no jurisdiction; must be called
 * outside a transaction.
 */
@Service
public class PublicPlans {

	/** Lines of a page of the public list: the public reads a month at a time, a district's month in a page or two. */
	static final int PAGE_SIZE = 100;

	private final JdbcClient jdbc;
	private final Clock clock;

	PublicPlans(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An inspection target: the enterprise, the street or town where it lies (by name), why it is planned. */
	public record Target(String uscc, String name, String place, String kind, List<String> matters, int month) {
	}

	/** A body's lines on a page, and how many the body has in the month on all pages. */
	public record BodyList(String body, int year, List<Target> targets, long total) {
	}

	/** The month after today's. */
	public YearMonth nextMonth() {
		return YearMonth.now(clock).plusMonths(1);
	}

	/** A page of a month's list: its targets (counted), and the same targets grouped by body for the page. */
	public record MonthPage(ResultPage<Target> targets, List<BodyList> bodies) {
	}

	/**
	 * A page of the month's list, in the order of body and day: a city's month holds thousands of inspections, so
	 * the public reads it {@value #PAGE_SIZE} lines at a time, each body's lines under its name.
	 */
	private static final String FROM = """
			 from plan_item i join annual_plan p on p.id = i.plan_id join body_directory b on b.id = p.body_id
			left join enterprise_register e on e.uscc = i.uscc
			left join jurisdiction_directory s on s.code = e.street_code
			left join jurisdiction_directory d on d.code = e.district_code
			where p.status = 'PUBLISHED' and i.year = :year and i.planned_month = :month and i.joint_of is null""";

	public MonthPage month(YearMonth month, Integer page) {
		return SystemScope.call("public-plans", () -> {
			List<String> bodyOfTarget = new ArrayList<>();
			ResultPage<Target> targets = PagedQuery.page(jdbc,
					"select b.name as body_name, i.uscc, e.name, coalesce(s.name, d.name) as place, i.kind, i.purpose,"
							+ " i.grade, i.matters", FROM,
					"order by b.level, b.name, i.planned_on, i.uscc, i.id",
					Map.of("year", month.getYear(), "month", month.getMonthValue()), (rs, n) -> {
						bodyOfTarget.add(rs.getString("body_name"));
						return new Target(rs.getString("uscc"), rs.getString("name"), rs.getString("place"),
								ItemCategory.of(ItemKind.valueOf(rs.getString("kind")), rs.getString("purpose"),
										rs.getString("grade")).label(),
								List.of(strings(rs.getArray("matters"))), month.getMonthValue());
					}, page, PAGE_SIZE);
			Map<String, Long> totals = new HashMap<>();
			if (!targets.isEmpty()) {
				jdbc.sql("select b.name, count(*)" + FROM + " and b.name = any(:bodies) group by b.name")
					.param("year", month.getYear()).param("month", month.getMonthValue())
					.param("bodies", bodyOfTarget.stream().distinct().toArray(String[]::new))
					.query(rs -> {
						totals.put(rs.getString(1), rs.getLong(2));
					});
			}
			Map<String, BodyList> byBody = new LinkedHashMap<>();
			for (int i = 0; i < targets.items().size(); i++) {
				byBody.computeIfAbsent(bodyOfTarget.get(i), k -> new BodyList(k, month.getYear(), new ArrayList<>(),
						totals.getOrDefault(k, 0L))).targets().add(targets.items().get(i));
			}
			return new MonthPage(targets, List.copyOf(byBody.values()));
		});
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}
}
