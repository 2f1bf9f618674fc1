package org.anjian.hazard.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Zone;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The hazard dashboard of a year (hazards found in it) and the caller's jurisdiction: one row per place one level
 * below the caller's (the city sees its districts, a district its streets and towns, a street itself) and a total,
 * each with the hazards found, the major ones, those still open (not closed, 未销号), those overdue (being
 * rectified past their deadline, derived from the deadline and the day), those closed (销号) and the
 * rectification rates. The city may narrow it to one district's streets; a district outside the caller's
 * jurisdiction is refused, never shown as an empty board. Row-level security limits the counts to the caller's
 * jurisdiction; the place named in the query only lets the database read that part of the year from its index.
 */
@Service
public class HazardDashboard {

	static final int FIRST_YEAR = 2000;
	static final int LAST_YEAR = 2100;

	/**
	 * A share: {@code count} of {@code of}, in percent with one decimal. Of nothing it has no value and shows "—":
	 * neither 0% nor 100% would be true.
	 */
	public record Rate(long count, long of, BigDecimal percent, String shown) {

		public static Rate of(long count, long of) {
			if (of == 0) {
				return new Rate(count, of, null, "—");
			}
			BigDecimal percent = BigDecimal.valueOf(count * 100).divide(BigDecimal.valueOf(of), 1, RoundingMode.HALF_UP);
			return new Rate(count, of, percent, percent.toPlainString() + "%");
		}
	}

	/** The figures of one place (or of all, the total). Open = found but not closed; overdue is part of open. */
	public record Row(String code, String name, long found, long major, long open, long overdue, long verified,
			long majorVerified, Rate rectificationRate, Rate majorRectificationRate) {

		static Row of(String code, String name, long found, long major, long open, long overdue, long verified,
				long majorVerified) {
			return new Row(code, name, found, major, open, overdue, verified, majorVerified, Rate.of(verified, found),
					Rate.of(majorVerified, major));
		}
	}

	/**
	 * The dashboard: the year, the day overdue is counted on, the level of the rows ({@code DISTRICT} rows for the
	 * city, {@code STREET} rows otherwise), the rows with their total, and the district it is narrowed to (its code and
	 * name; null for the city's own view, and for a district's or a street's officers, whose view is their own).
	 */
	public record Dashboard(int year, LocalDate asOf, JurisdictionLevel rowLevel, List<Row> rows, Row total,
			String district, String districtName) {
	}

	private static final String COUNTS = """
			with counts as (
			  select %s as code, count(*) as found, count(*) filter (where major) as major,
			         count(*) filter (where status <> 'VERIFIED') as open,
			         count(*) filter (where status = 'RECTIFYING' and deadline < :today) as overdue,
			         count(*) filter (where status = 'VERIFIED') as verified,
			         count(*) filter (where major and status = 'VERIFIED') as major_verified
			  from hazard
			  where found_at >= :from and found_at < :to%s
			  group by 1
			)
			select coalesce(j.code, c.code) as code,
			       coalesce(j.name, case when c.code is null then '（未填街镇）' else c.code end) as name,
			       coalesce(c.found, 0) as found, coalesce(c.major, 0) as major, coalesce(c.open, 0) as open,
			       coalesce(c.overdue, 0) as overdue, coalesce(c.verified, 0) as verified,
			       coalesce(c.major_verified, 0) as major_verified
			from (select code, name from jurisdiction_directory where %s) j
			full join counts c on c.code = j.code
			order by coalesce(j.code, c.code) nulls last""";

	private final JdbcClient jdbc;
	private final CurrentActor actors;
	private final Clock clock;

	HazardDashboard(JdbcClient jdbc, CurrentActor actors, Clock clock) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.clock = clock;
	}

	/** The dashboard of {@code year} (null: this year), overdue counted as of today, in Shanghai. */
	@Transactional(readOnly = true)
	public Dashboard of(Integer year) {
		return of(year, null);
	}

	/**
	 * The dashboard of {@code year} (null: this year), overdue counted as of today, narrowed to {@code district}'s
	 * streets (null: the caller's own view).
	 */
	@Transactional(readOnly = true)
	public Dashboard of(Integer year, String district) {
		LocalDate today = LocalDate.now(clock);
		return of(year == null ? today.getYear() : year, today, district);
	}

	/** The dashboard of {@code year} with overdue counted as of {@code day}. */
	@Transactional(readOnly = true)
	public Dashboard of(int year, LocalDate day) {
		return of(year, day, null);
	}

	/** The dashboard of {@code year} with overdue counted as of {@code day}, narrowed to a district's streets. */
	@Transactional(readOnly = true)
	public Dashboard of(int year, LocalDate day, String district) {
		if (year < FIRST_YEAR || year > LAST_YEAR) {
			throw new InvalidInputException("year", "年份应在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间，收到：" + year);
		}
		JurisdictionScope scope = actors.current().map(Actor::scope).orElse(JurisdictionScope.city());
		String districtName = district == null ? null : requireReach(scope, district);
		boolean narrowed = district != null && scope.level() == JurisdictionLevel.CITY;
		if (narrowed) {
			// the city looks into one district as the district's officers do
			scope = JurisdictionScope.district(district);
		}
		Map<String, Object> params = new HashMap<>();
		params.put("today", day);
		params.put("from", startOf(year));
		params.put("to", startOf(year + 1));
		String sql;
		switch (scope.level()) {
			case DISTRICT:
				params.put("district", scope.districtCode());
				sql = COUNTS.formatted("street_code", " and district_code = :district", "parent_code = :district");
				break;
			case STREET:
				params.put("district", scope.districtCode());
				params.put("street", scope.streetCode());
				sql = COUNTS.formatted("street_code", " and district_code = :district and street_code = :street",
						"code = :street");
				break;
			default:
				sql = COUNTS.formatted("district_code", "", "level = 'DISTRICT'");
		}
		List<Row> rows = jdbc.sql(sql).paramSource(params).query((rs, n) -> row(rs)).list();
		Row total = Row.of("ALL", "合计", rows.stream().mapToLong(Row::found).sum(),
				rows.stream().mapToLong(Row::major).sum(), rows.stream().mapToLong(Row::open).sum(),
				rows.stream().mapToLong(Row::overdue).sum(), rows.stream().mapToLong(Row::verified).sum(),
				rows.stream().mapToLong(Row::majorVerified).sum());
		return new Dashboard(year, day, scope.level() == JurisdictionLevel.CITY ? JurisdictionLevel.DISTRICT
				: JurisdictionLevel.STREET, rows, total, narrowed ? district : null, narrowed ? districtName : null);
	}

	/**
	 * The name of a district the caller's jurisdiction reaches: an unknown code is bad input, a district of another
	 * jurisdiction is refused by name.
	 */
	private String requireReach(JurisdictionScope scope, String district) {
		Map<String, String> names = new HashMap<>();
		jdbc.sql("select code, name from jurisdiction_directory where code in (:district, :own) and level <> 'STREET'")
			.param("district", district).param("own", scope.districtCode() == null ? "310000" : scope.districtCode())
			.query(rs -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		// outside the caller's reach is refused first, whatever the code: nothing is told of another district
		if (!scope.reachesDistrict(district)) {
			throw new AccessDeniedException(names.getOrDefault(district, "该区") + "不在您的管辖范围（"
					+ names.getOrDefault(scope.districtCode(), scope.districtCode()) + "）内，不能查看其隐患治理看板");
		}
		if (!names.containsKey(district) || "310000".equals(district)) {
			throw new InvalidInputException("district", "没有代码为“" + district + "”的区，请从看板上选择区");
		}
		return names.get(district);
	}

	/** The first moment of a year in Shanghai, where the hazards were found. */
	static OffsetDateTime startOf(int year) {
		return LocalDate.of(year, 1, 1).atStartOfDay(Zone.SHANGHAI).toOffsetDateTime();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return Row.of(rs.getString("code"), rs.getString("name"), rs.getLong("found"), rs.getLong("major"),
				rs.getLong("open"), rs.getLong("overdue"), rs.getLong("verified"), rs.getLong("major_verified"));
	}
}
