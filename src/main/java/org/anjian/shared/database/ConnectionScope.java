package org.anjian.shared.database;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The caller's scope as the connection carries it ({@link ScopedDataSource}), which is what row security reads. Under
 * row security PostgreSQL lets an index serve only leakproof conditions (docs/adr/0005), and a policy's own condition
 * is none: so a list repeats a district or street caller's own place as a plain equality, which only narrows what row
 * security already allows and lets an index that leads with the district serve it.
 */
public record ConnectionScope(String kind, String district, String street) {

	public static ConnectionScope of(JdbcClient jdbc) {
		return jdbc.sql("select coalesce(current_setting('anjian.scope_kind', true), ''),"
				+ " coalesce(current_setting('anjian.scope_district', true), ''),"
				+ " coalesce(current_setting('anjian.scope_street', true), '')")
			.query((rs, n) -> new ConnectionScope(rs.getString(1), rs.getString(2), rs.getString(3)))
			.single();
	}

	/**
	 * The equality for the district and street columns of {@code alias} ({@code ""} for the city, the system and
	 * anyone else, whom row security alone limits), with its parameters put into {@code params}.
	 */
	public String narrowing(String alias, Map<String, Object> params) {
		return switch (kind) {
			case "DISTRICT" -> {
				params.put("scopeDistrict", district);
				yield " and " + alias + ".district_code = :scopeDistrict";
			}
			case "STREET" -> {
				params.put("scopeDistrict", district);
				params.put("scopeStreet", street);
				yield " and " + alias + ".district_code = :scopeDistrict and " + alias + ".street_code = :scopeStreet";
			}
			default -> "";
		};
	}
}
