package org.anjian.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The organisation of the caller's jurisdiction in figures, counted in one query under their scope. */
@Component
public class StaffFigures {

	private final JdbcClient jdbc;

	StaffFigures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Figures(long bodies, long streetBodies, long activeOfficers, long leadInspectors, long experts) {
	}

	/** Counted under the caller's own scope: row-level security keeps out what they may not see. */
	public Figures current() {
		return jdbc.sql("""
				select
				  (select count(*) from enforcement_body where anjian_in_scope(district_code, street_code)),
				  (select count(*) from enforcement_body where level = 'STREET' and anjian_in_scope(district_code, street_code)),
				  (select count(*) from officer where active and anjian_in_scope(district_code, street_code)),
				  (select count(*) from officer where active and 'LEAD_INSPECTOR' = any(certifications)
				     and anjian_in_scope(district_code, street_code)),
				  (select count(*) from expert where active and anjian_in_scope(district_code, street_code))
				""")
			.query((rs, n) -> new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.single();
	}
}
