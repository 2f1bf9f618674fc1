package org.anjian;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;

/** Officers the tests name as a second officer: of a jurisdiction's body, in office, with no login of their own. */
public final class TestOfficers {

	private TestOfficers() {
	}

	/** An officer in office of the body of {@code jurisdictionCode} whom no account is, for the second of two. */
	public static long second(JdbcClient jdbc, String jurisdictionCode) {
		return asSystem(() -> jdbc.sql("""
				select o.id from officer o join enforcement_body b on b.id = o.body_id
				where b.jurisdiction_code = :code and o.active
				  and o.id not in (select officer_id from app_user where officer_id is not null)
				order by o.id limit 1""").param("code", jurisdictionCode).query(Long.class).single());
	}

	/**
	 * A second officer for re-inspecting a hazard, with an officer of the district (or the city) whose jurisdiction
	 * covers the body acting on it: the demo's districts have officers, most of their streets none.
	 */
	public static long forHazard(JdbcClient jdbc, long hazardId) {
		return second(jdbc, asSystem(() -> jdbc.sql("select left(acting_code, 6) from hazard where id = :id")
			.param("id", hazardId).query(String.class).single()));
	}
}
