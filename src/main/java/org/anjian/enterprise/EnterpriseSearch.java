package org.anjian.enterprise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.anjian.shared.JurisdictionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds enterprise files among a million: each filter becomes a condition the indexes serve (name trigrams,
 * credit-code prefix, place and sector, tags), rows come a page at a time in credit-code order, and the total is
 * counted only up to {@value #COUNT_CAP} so that a broad search stays fast. Row-level security limits it to the
 * caller's jurisdiction like every other query.
 */
@Component
public class EnterpriseSearch {

	static final int COUNT_CAP = 10_000;

	private final JdbcClient jdbc;

	EnterpriseSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
		StringBuilder where = new StringBuilder(" where true");
		List<Consumer<JdbcClient.StatementSpec>> params = new ArrayList<>();
		if (query.q() != null) {
			where.append(" and (name like :nameLike or uscc like :codePrefix)");
			String escaped = query.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			params.add(s -> s.param("nameLike", "%" + escaped + "%").param("codePrefix", escaped.toUpperCase() + "%"));
		}
		condition(where, params, query.district(), "district_code = :district", "district");
		condition(where, params, query.street(), "street_code = :street", "street");
		condition(where, params, query.sector() == null ? null : query.sector().name(), "sector = :sector", "sector");
		condition(where, params, query.tag() == null ? null : query.tag().name(), "risk_tags @> array[:tag]::text[]", "tag");
		condition(where, params, query.level() == null ? null : query.level().name(), "supervision_level = :level", "level");
		condition(where, params, query.keyUnit(), "key_unit = :keyUnit", "keyUnit");
		condition(where, params, query.status() == null ? null : query.status().name(), "operating_status = :status", "status");

		JdbcClient.StatementSpec rows = jdbc.sql("select uscc, name, district_code, street_code, sector, sector_subtype,"
				+ " risk_tags, supervision_level, key_unit, scale, operating_status from enterprise" + where
				+ " order by uscc limit :limit offset :offset")
			.param("limit", query.size())
			.param("offset", (long) query.page() * query.size());
		params.forEach(p -> p.accept(rows));
		List<Row> found = rows.query((rs, n) -> new Row(rs.getString("uscc"), rs.getString("name"),
				rs.getString("district_code"), rs.getString("street_code"), Sector.valueOf(rs.getString("sector")),
				SectorSubtype.valueOf(rs.getString("sector_subtype")),
				java.util.Arrays.stream((String[]) rs.getArray("risk_tags").getArray()).map(RiskTag::valueOf).toList(),
				JurisdictionLevel.valueOf(rs.getString("supervision_level")), rs.getBoolean("key_unit"),
				Scale.valueOf(rs.getString("scale")), OperatingStatus.valueOf(rs.getString("operating_status"))))
			.list();

		JdbcClient.StatementSpec count = jdbc.sql("select count(*) from (select 1 from enterprise" + where
				+ " limit " + (COUNT_CAP + 1) + ") t");
		params.forEach(p -> p.accept(count));
		long total = count.query(Long.class).single();
		return new Page(found, query.page(), query.size(), Math.min(total, COUNT_CAP), total > COUNT_CAP);
	}

	private static void condition(StringBuilder where, List<Consumer<JdbcClient.StatementSpec>> params, Object value,
			String sql, String name) {
		if (value != null) {
			where.append(" and ").append(sql);
			params.add(s -> s.param(name, value));
		}
	}
}
