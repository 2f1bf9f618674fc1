package org.anjian.planning.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anjian.planning.ItemCategory;
import org.anjian.planning.ItemKind;
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

	private final JdbcClient jdbc;
	private final Clock clock;

	PublicPlans(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** An inspection target: the enterprise, the street or town where it lies (by name), why it is planned. */
	public record Target(String uscc, String name, String place, String kind, List<String> matters, int month) {
	}

	public record BodyList(String body, int year, List<Target> targets) {
	}

	/** The month after today's. */
	public YearMonth nextMonth() {
		return YearMonth.now(clock).plusMonths(1);
	}

	public List<BodyList> month(YearMonth month) {
		return SystemScope.call("public-plans", () -> {
			Map<String, BodyList> byBody = new LinkedHashMap<>();
			jdbc.sql("""
					select b.name as body_name, p.year, i.uscc, e.name, coalesce(s.name, d.name) as place, i.kind, i.purpose,
					       i.grade, i.matters, i.planned_on
					from plan_item i join annual_plan p on p.id = i.plan_id join body_directory b on b.id = p.body_id
					left join enterprise_register e on e.uscc = i.uscc
					left join jurisdiction_directory s on s.code = e.street_code
					left join jurisdiction_directory d on d.code = e.district_code
					where p.status = 'PUBLISHED' and i.year = :year and i.planned_month = :month and i.joint_of is null
					order by b.level, b.name, i.planned_on, i.uscc""")
				.param("year", month.getYear()).param("month", month.getMonthValue())
				.query((rs, n) -> {
					BodyList list = byBody.computeIfAbsent(rs.getString("body_name"),
							k -> new BodyList(k, month.getYear(), new ArrayList<>()));
					list.targets().add(new Target(rs.getString("uscc"), rs.getString("name"), rs.getString("place"),
							ItemCategory.of(ItemKind.valueOf(rs.getString("kind")), rs.getString("purpose"),
									rs.getString("grade")).label(),
							List.of(strings(rs.getArray("matters"))), month.getMonthValue()));
					return null;
				})
				.list();
			return List.copyOf(byBody.values());
		});
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}
}
