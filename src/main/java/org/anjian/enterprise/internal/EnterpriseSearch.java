package org.anjian.enterprise.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import org.anjian.enterprise.EnterpriseGradeFilter;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.SectorSubtype;
import org.anjian.shared.JurisdictionLevel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds enterprise files among a million: each filter becomes a condition an index serves, rows come a page at
 * a time in credit-code order, and the total is counted only up to {@value #COUNT_CAP} so that a broad search
 * stays fast. Row-level security limits it to the caller's jurisdiction like every other query.
 *
 * <p>Under row-level security PostgreSQL uses an index only for leakproof conditions (docs/adr/0005). So the
 * search repeats the caller's own district or street as a plain equality, which can only narrow what row
 * security already allows; finds a name fragment of two or more characters by its two-character grams with the
 * leakproof containment operator {@code anjian_search.@>>} (the plain {@code @>} where a superuser has not provided it) and
 * then checks the exact fragment; and finds a credit-code prefix as a range of the primary key. The risk grade is
 * the grading module's: its {@link EnterpriseGradeFilter} gives the condition.
 */
@Component
public class EnterpriseSearch {

	static final int COUNT_CAP = 10_000;

	/** A credit-code prefix: the code's alphabet (digits and upper-case letters without I, O, S, V, Z) with a digit. */
	private static final Pattern CODE_PREFIX = Pattern.compile("(?=.*\\d)[0-9A-HJ-NP-RTUWXY]{1,18}");

	private static final String COLUMNS = "uscc, name, district_code, street_code, sector, sector_subtype,"
			+ " risk_tags, supervision_level, key_unit, scale, operating_status";

	private final JdbcClient jdbc;
	private final ObjectProvider<EnterpriseGradeFilter> gradeFilter;

	/** Whether the leakproof containment operator exists; looked up once. */
	private volatile Boolean leakproofContainment;

	EnterpriseSearch(JdbcClient jdbc, ObjectProvider<EnterpriseGradeFilter> gradeFilter) {
		this.jdbc = jdbc;
		this.gradeFilter = gradeFilter;
	}

	/** One line of the list. */
	public record Row(String uscc, String name, String districtCode, String streetCode, Sector sector,
			SectorSubtype sectorSubtype, List<RiskTag> riskTags, JurisdictionLevel supervisionLevel, boolean keyUnit,
			Scale scale, OperatingStatus status) {
	}

	/** A page of rows; {@code total} is exact unless {@code totalCapped}, when there are at least that many. */
	public record Page(List<Row> rows, int page, int size, long total, boolean totalCapped) {

		public long pages() {
			return (total + size - 1) / size;
		}
	}

	public Page search(EnterpriseQuery query) {
		Where where = where(query);

		JdbcClient.StatementSpec rows = jdbc.sql("select " + COLUMNS + " from enterprise" + where
				+ " order by uscc limit :limit offset :offset")
			.param("limit", query.size())
			.param("offset", (long) query.page() * query.size());
		where.bind(rows);
		List<Row> found = rows.query((rs, n) -> new Row(rs.getString("uscc"), rs.getString("name"),
				rs.getString("district_code"), rs.getString("street_code"), Sector.valueOf(rs.getString("sector")),
				SectorSubtype.valueOf(rs.getString("sector_subtype")),
				Arrays.stream((String[]) rs.getArray("risk_tags").getArray()).map(RiskTag::valueOf).toList(),
				JurisdictionLevel.valueOf(rs.getString("supervision_level")), rs.getBoolean("key_unit"),
				Scale.valueOf(rs.getString("scale")), OperatingStatus.valueOf(rs.getString("operating_status"))))
			.list();

		long total;
		if (query.page() == 0 && found.size() < query.size()) {
			total = found.size(); // the first page holds them all: no need to count
		}
		else {
			JdbcClient.StatementSpec count = jdbc.sql("select count(*) from (select 1 from enterprise" + where
					+ " limit " + (COUNT_CAP + 1) + ") t");
			where.bind(count);
			total = count.query(Long.class).single();
		}
		return new Page(found, query.page(), query.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP);
	}

	/**
	 * The conditions of a query, as the list runs them: the caller's own place first, then each filter in the
	 * form its index serves. The export runs the same, so that the list and its export agree.
	 */
	Where where(EnterpriseQuery query) {
		Where where = new Where();
		scope(where);
		if (query.q() != null) {
			text(where, query.q());
		}
		where.param(query.district(), "district_code = :district", "district");
		where.param(query.street(), "street_code = :street", "street");
		// enum names are safe as literals, and literals let the planner pick the partial indexes
		where.literal(query.sector(), "sector");
		if (query.tag() != null) {
			where.and("risk_tags " + containment() + " array['" + query.tag().name() + "']::text[]");
		}
		where.literal(query.level(), "supervision_level");
		if (query.keyUnit() != null) {
			where.and(query.keyUnit() ? "key_unit" : "not key_unit");
		}
		where.literal(query.status(), "operating_status");
		if (query.grade() != null) {
			// the grade is kept by the grading module, which says how to find it; the query validated it to one letter A-D
			EnterpriseGradeFilter grades = gradeFilter.getIfAvailable();
			if (grades == null) {
				throw new IllegalStateException("no module gives the grade filter (EnterpriseGradeFilter)");
			}
			where.and(grades.condition("enterprise.uscc", query.grade()));
		}
		return where;
	}

	/** How many files the caller sees (the home page's figure), exactly. */
	public long countVisible() {
		Where where = new Where();
		scope(where);
		JdbcClient.StatementSpec count = jdbc.sql("select count(*) from enterprise" + where);
		where.bind(count);
		return count.query(Long.class).single();
	}

	/** The two-character grams of a fragment, as the database's anjian_search.name_grams splits a name. */
	static Set<String> grams(String text) {
		Set<String> grams = new LinkedHashSet<>();
		int[] points = text.codePoints().toArray();
		for (int i = 0; i + 1 < points.length; i++) {
			grams.add(new String(points, i, 2));
		}
		return grams;
	}

	/**
	 * The caller's scope as the connection carries it, which is what row security reads: a district or street
	 * caller's own place becomes an equality that the indexes serve.
	 */
	private void scope(Where where) {
		String[] scope = jdbc.sql("select coalesce(current_setting('anjian.scope_kind', true), ''),"
				+ " coalesce(current_setting('anjian.scope_district', true), ''),"
				+ " coalesce(current_setting('anjian.scope_street', true), ''),"
				+ " coalesce(current_setting('anjian.enterprise', true), '')")
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.single();
		switch (scope[0]) {
			case "DISTRICT" -> where.param(scope[1], "district_code = :scopeDistrict", "scopeDistrict");
			case "STREET" -> where.param(scope[2], "street_code = :scopeStreet", "scopeStreet");
			case "ENTERPRISE" -> where.param(scope[3], "uscc = :scopeEnterprise", "scopeEnterprise");
			default -> {
				// SYSTEM and CITY see the whole city; NONE sees nothing, which row security ensures
			}
		}
	}

	private void text(Where where, String q) {
		String upper = q.toUpperCase();
		if (CODE_PREFIX.matcher(upper).matches()) {
			// a range of the primary key ('~' sorts after the code's alphabet); LIKE re-checks under any collation
			where.and("uscc >= :codeFrom and uscc < :codeTo and uscc like :codePrefix");
			where.bind(s -> s.param("codeFrom", upper).param("codeTo", upper + "~").param("codePrefix", upper + "%"));
			return;
		}
		name(where, q);
	}

	/** The files within reach whose name contains the fragment: their codes in code order, at most {@code limit}. */
	public List<String> codesNamed(String fragment, int limit) {
		Where where = new Where();
		scope(where);
		name(where, fragment);
		JdbcClient.StatementSpec codes = jdbc.sql("select uscc from enterprise" + where + " order by uscc limit :limit")
			.param("limit", limit);
		where.bind(codes);
		return codes.query(String.class).list();
	}

	/** A name fragment: by its two-character grams, which the index serves, then the whole fragment. */
	private void name(Where where, String q) {
		String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		Set<String> grams = grams(q);
		if (!grams.isEmpty()) {
			List<String> names = new ArrayList<>();
			List<String> values = new ArrayList<>(grams);
			for (int i = 0; i < values.size(); i++) {
				names.add(":gram" + i);
			}
			where.and("anjian_search.name_grams(name) " + containment() + " array[" + String.join(", ", names) + "]::text[]");
			where.bind(s -> {
				for (int i = 0; i < values.size(); i++) {
					s.param("gram" + i, values.get(i));
				}
			});
		}
		where.and("name like :nameLike");
		where.bind(s -> s.param("nameLike", "%" + escaped + "%"));
	}

	private String containment() {
		Boolean leakproof = leakproofContainment;
		if (leakproof == null) {
			leakproof = jdbc.sql("select exists (select 1 from pg_operator o join pg_namespace n on n.oid = o.oprnamespace"
					+ " where o.oprname = '@>>' and n.nspname = 'anjian_search')").query(Boolean.class).single();
			leakproofContainment = leakproof;
		}
		return leakproof ? "operator(anjian_search.@>>)" : "@>";
	}

	/** The conditions of a query and the parameters they bind. */
	static final class Where {

		private final StringBuilder sql = new StringBuilder(" where true");
		private final List<Consumer<JdbcClient.StatementSpec>> params = new ArrayList<>();

		void and(String condition) {
			sql.append(" and ").append(condition);
		}

		void bind(Consumer<JdbcClient.StatementSpec> param) {
			params.add(param);
		}

		void param(Object value, String condition, String name) {
			if (value != null) {
				and(condition);
				bind(s -> s.param(name, value));
			}
		}

		void literal(Enum<?> value, String column) {
			if (value != null) {
				and(column + " = '" + value.name() + "'");
			}
		}

		void bind(JdbcClient.StatementSpec statement) {
			params.forEach(p -> p.accept(statement));
		}

		@Override
		public String toString() {
			return sql.toString();
		}
	}
}
