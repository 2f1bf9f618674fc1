package org.anjian.planning;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The published annual plans of a year (年度执法计划公开), for the public ahead of the year: each body's settings
 * (the reserve for temporary tasks, the rates by grade and of the general draw), its inspections counted by kind
 * and by month, its special campaigns with their months and matters, and its draws. Which enterprise is inspected
 * when is published month by month ({@link PublicPlans}); a district's share in a city joint spot check is counted
 * in the city's plan only. Read as the system; must be called outside a transaction.
 */
@Service
public class PublicAnnualPlans {

	private final JdbcClient jdbc;

	PublicAnnualPlans(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Campaign(String name, int startsMonth, int endsMonth, List<String> matters, int items) {
	}

	public record Draw(long id, String purpose, int drawn) {
	}

	public record Published(long id, String body, int year, Instant publishedAt, BigDecimal reserveShare,
			BigDecimal sampleRateB, BigDecimal assistanceRateC, BigDecimal generalDrawRate, int counted,
			Map<String, Integer> byKind, int[] byMonth, List<Campaign> campaigns, List<Draw> draws) {
	}

	public List<Published> year(int year) {
		return SystemScope.call("public-annual-plans", () -> jdbc.sql("""
				select p.id from annual_plan p join enforcement_body b on b.id = p.body_id
				where p.status = 'PUBLISHED' and p.year = :year order by b.level, b.name""")
			.param("year", year)
			.query(Long.class)
			.list()
			.stream()
			.map(this::plan)
			.toList());
	}

	private Published plan(long id) {
		Map<String, Integer> byKind = new LinkedHashMap<>();
		int[] byMonth = new int[13];
		int[] counted = new int[1];
		jdbc.sql("""
				select kind, planned_month, count(*) from plan_item where plan_id = :plan and joint_of is null
				group by kind, planned_month order by kind, planned_month""")
			.param("plan", id)
			.query(rs -> {
				int count = rs.getInt(3);
				byKind.merge(ItemKind.valueOf(rs.getString(1)).label(), count, Integer::sum);
				byMonth[rs.getObject(2) == null ? 0 : rs.getInt(2)] += count;
				counted[0] += count;
			});
		List<Campaign> campaigns = jdbc.sql("""
				select c.name, c.starts_month, c.ends_month, c.matters,
				       (select count(*) from plan_item i where i.campaign_id = c.id) as items
				from plan_campaign c where c.plan_id = :plan order by c.starts_month, c.name""")
			.param("plan", id)
			.query((rs, n) -> new Campaign(rs.getString(1), rs.getInt(2), rs.getInt(3), List.of(strings(rs.getArray(4))),
					rs.getInt(5)))
			.list();
		List<Draw> draws = jdbc.sql("""
				select d.id, d.purpose, (select count(*) from plan_draw_result r where r.draw_id = d.id)
				from plan_draw d where d.plan_id = :plan order by d.id""")
			.param("plan", id)
			.query((rs, n) -> new Draw(rs.getLong(1), PublicDraws.purpose(rs.getString(2)), rs.getInt(3)))
			.list();
		return jdbc.sql("""
				select p.id, b.name, p.year, p.published_at, p.reserve_share, p.sample_rate_b, p.assistance_rate_c,
				       p.general_draw_rate
				from annual_plan p join enforcement_body b on b.id = p.body_id where p.id = :plan""")
			.param("plan", id)
			.query((rs, n) -> new Published(rs.getLong(1), rs.getString(2), rs.getInt(3),
					rs.getTimestamp(4).toInstant(), rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
					rs.getBigDecimal(8), counted[0], byKind, byMonth, campaigns, draws))
			.single();
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}
}
