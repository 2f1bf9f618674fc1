package org.anjian.grading.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.anjian.grading.Grade;
import org.anjian.grading.GradeCause;
import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The grade dashboard of a jurisdiction: how many enterprises of each grade by district (or, within a district,
 * by street/town) and by sector, and the grade changes of this month. Row-level security limits it to the
 * caller's jurisdiction.
 */
@Service
public class GradeDashboard {

	private final JdbcClient jdbc;

	private final CurrentActor actors;

	private final Clock clock;

	GradeDashboard(JdbcClient jdbc, CurrentActor actors, Clock clock) {
		this.jdbc = jdbc;
		this.actors = actors;
		this.clock = clock;
	}

	/** Counts of one place or sector by grade. */
	public record Distribution(String code, String name, long a, long b, long c, long d) {

		public long total() {
			return a + b + c + d;
		}
	}

	/** A recent change of an enterprise's grade. */
	public record RecentChange(String uscc, String name, OffsetDateTime at, Grade from, Grade to, GradeCause cause) {
	}

	/**
	 * The dashboard; {@code district} narrows it to one district's streets and towns (a district outside the caller's
	 * jurisdiction is refused, never shown as an empty board).
	 */
	public record Dashboard(List<Distribution> byPlace, List<Distribution> bySector,
			Distribution total, List<Distribution> movesThisMonth, long changesThisMonth, List<RecentChange> recent) {
	}

	private static final String COUNTS = """
			count(*) filter (where g.grade = 'A') as a, count(*) filter (where g.grade = 'B') as b,
			count(*) filter (where g.grade = 'C') as c, count(*) filter (where g.grade = 'D') as d""";

	@Transactional(readOnly = true)
	public Dashboard of(String district) {
		if (district != null) {
			requireReach(district);
		}
		String place = district == null ? "g.district_code" : "g.street_code";
		List<Distribution> byPlace = jdbc.sql("select " + place + " as code, coalesce(j.name, '（未填街镇）') as name, "
				+ COUNTS + " from risk_grade g left join jurisdiction_directory j on j.code = " + place
				+ (district == null ? "" : " where g.district_code = :district") + " group by 1, 2 order by 1")
			.paramSource(district == null ? Map.of() : Map.of("district", district))
			.query((rs, n) -> distribution(rs, rs.getString("code"), rs.getString("name")))
			.list();
		String narrow = district == null ? "" : " where g.district_code = :district";
		List<Distribution> bySector = jdbc.sql("select g.sector, " + COUNTS + " from risk_grade g" + narrow
				+ " group by 1 order by 1")
			.paramSource(district == null ? Map.of() : Map.of("district", district))
			.query((rs, n) -> distribution(rs, rs.getString("sector"),
					"HAZCHEM".equals(rs.getString("sector")) ? "危险化学品" : "工贸"))
			.list();
		Distribution total = new Distribution("ALL", "合计", byPlace.stream().mapToLong(Distribution::a).sum(),
				byPlace.stream().mapToLong(Distribution::b).sum(), byPlace.stream().mapToLong(Distribution::c).sum(),
				byPlace.stream().mapToLong(Distribution::d).sum());
		LocalDate monthStart = LocalDate.now(clock).withDayOfMonth(1);
		String changes = " from grade_change g where g.changed_at >= :since and g.from_grade is not null"
				+ (district == null ? "" : " and g.district_code = :district");
		Map<String, Object> params = district == null ? Map.of("since", monthStart)
				: Map.of("since", monthStart, "district", district);
		List<Distribution> moves = jdbc.sql("select g.from_grade, " + COUNTS.replace("g.grade", "g.to_grade") + changes
				+ " group by 1 order by 1")
			.paramSource(params)
			.query((rs, n) -> distribution(rs, rs.getString("from_grade"), "由" + rs.getString("from_grade") + "级"))
			.list();
		long changed = moves.stream().mapToLong(Distribution::total).sum();
		List<RecentChange> recent = jdbc.sql("select g.uscc, e.name, g.changed_at, g.from_grade, g.to_grade, g.cause"
				+ changes.replace("from grade_change g", "from grade_change g join enterprise_register e on e.uscc = g.uscc")
				+ " order by g.changed_at desc, g.id desc limit 20")
			.paramSource(params)
			.query((rs, n) -> new RecentChange(rs.getString("uscc"), rs.getString("name"),
					Regrading.local(rs.getObject("changed_at", OffsetDateTime.class)), Grade.valueOf(rs.getString("from_grade")),
					Grade.valueOf(rs.getString("to_grade")), GradeCause.valueOf(rs.getString("cause"))))
			.list();
		return new Dashboard(byPlace, bySector, total, moves, changed, recent);
	}

	/**
	 * A district the caller's jurisdiction reaches: an unknown code is bad input, a district of another jurisdiction
	 * is refused by name (the caller would otherwise see an empty board and take it for a district without grades).
	 */
	private void requireReach(String district) {
		Map<String, String> names = new java.util.HashMap<>();
		JurisdictionScope scope = actors.current().map(Actor::scope).orElse(JurisdictionScope.city());
		jdbc.sql("select code, name from jurisdiction_directory where code in (:district, :own) and level <> 'STREET'")
			.param("district", district).param("own", scope.districtCode() == null ? "310000" : scope.districtCode())
			.query(rs -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		// outside the caller's reach is refused first, whatever the code: nothing is told of another district
		if (!scope.reachesDistrict(district)) {
			throw new AccessDeniedException(names.getOrDefault(district, "该区") + "不在您的管辖范围（"
					+ names.getOrDefault(scope.districtCode(), scope.districtCode()) + "）内，不能查看其分级看板");
		}
		if (!names.containsKey(district) || "310000".equals(district)) {
			throw new InvalidInputException("district", "没有代码为“" + district + "”的区，请从看板上选择区");
		}
	}

	private static Distribution distribution(ResultSet rs, String code, String name) throws SQLException {
		return new Distribution(code, name, rs.getLong("a"), rs.getLong("b"), rs.getLong("c"), rs.getLong("d"));
	}
}
