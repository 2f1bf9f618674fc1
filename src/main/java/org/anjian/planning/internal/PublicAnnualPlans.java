package org.anjian.planning.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anjian.planning.ItemCategory;
import org.anjian.planning.ItemKind;
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

	/** Every published plan of the year, in four queries whatever the number of plans. */
	public List<Published> year(int year) {
		return SystemScope.call("public-annual-plans", () -> {
			Map<Long, Map<ItemCategory, Integer>> byKind = new HashMap<>();
			Map<Long, int[]> byMonth = new HashMap<>();
			jdbc.sql("""
					select i.plan_id, i.kind, i.planned_month, count(*),
					       i.purpose like :campaign as campaign, i.grade
					from plan_item i join annual_plan p on p.id = i.plan_id
					where p.status = 'PUBLISHED' and p.year = :year and i.joint_of is null
					group by i.plan_id, i.kind, i.planned_month, 5, i.grade order by i.plan_id, i.kind, i.planned_month""")
				.param("year", year)
				.param("campaign", ItemCategory.CAMPAIGN_PURPOSE + "%")
				.query(rs -> {
					long plan = rs.getLong(1);
					int count = rs.getInt(4);
					// counted by category as the plan's own page counts it (a campaign's items as 专项检查)
					ItemCategory category = ItemCategory.of(ItemKind.valueOf(rs.getString(2)),
							rs.getBoolean(5) ? ItemCategory.CAMPAIGN_PURPOSE : null, rs.getString(6));
					byKind.computeIfAbsent(plan, k -> new java.util.EnumMap<>(ItemCategory.class)).merge(category, count, Integer::sum);
					byMonth.computeIfAbsent(plan, k -> new int[13])[rs.getObject(3) == null ? 0 : rs.getInt(3)] += count;
				});
			Map<Long, List<Campaign>> campaigns = new HashMap<>();
			jdbc.sql("""
					select c.plan_id, c.name, c.starts_month, c.ends_month, c.matters, count(i.id)
					from plan_campaign c join annual_plan p on p.id = c.plan_id left join plan_item i on i.campaign_id = c.id
					where p.status = 'PUBLISHED' and p.year = :year
					group by c.id order by c.plan_id, c.starts_month, c.name""")
				.param("year", year)
				.query(rs -> {
					campaigns.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Campaign(rs.getString(2),
							rs.getInt(3), rs.getInt(4), List.of(strings(rs.getArray(5))), rs.getInt(6)));
				});
			Map<Long, List<Draw>> draws = new HashMap<>();
			jdbc.sql("""
					select d.plan_id, d.id, d.purpose, count(r.uscc)
					from plan_draw d join annual_plan p on p.id = d.plan_id left join plan_draw_result r on r.draw_id = d.id
					where p.status = 'PUBLISHED' and p.year = :year group by d.id order by d.plan_id, d.id""")
				.param("year", year)
				.query(rs -> {
					draws.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
						.add(new Draw(rs.getLong(2), PublicDraws.purpose(rs.getString(3)), rs.getInt(4)));
				});
			return jdbc.sql("""
					select p.id, b.name, p.year, p.published_at, p.reserve_share, p.sample_rate_b, p.assistance_rate_c,
					       p.general_draw_rate
					from annual_plan p join body_directory b on b.id = p.body_id
					where p.status = 'PUBLISHED' and p.year = :year order by b.level, b.name""")
				.param("year", year)
				.query((rs, n) -> {
					long id = rs.getLong(1);
					Map<String, Integer> kinds = new LinkedHashMap<>();
					byKind.getOrDefault(id, Map.of()).forEach((category, count) -> kinds.put(category.label(), count));
					return new Published(id, rs.getString(2), rs.getInt(3), rs.getTimestamp(4).toInstant(),
							rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
							kinds.values().stream().mapToInt(Integer::intValue).sum(), kinds,
							byMonth.getOrDefault(id, new int[13]), campaigns.getOrDefault(id, List.of()),
							draws.getOrDefault(id, List.of()));
				})
				.list();
		});
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}
}
