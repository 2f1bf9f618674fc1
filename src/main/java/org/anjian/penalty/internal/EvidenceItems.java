package org.anjian.penalty.internal;

import java.util.List;

import org.anjian.penalty.Evidence;
import org.anjian.penalty.PenaltyCase;
import org.anjian.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The evidence of the cases the caller's jurisdiction reaches, kept beside each case in the order recorded. */
@Repository
public class EvidenceItems {

	private final JdbcClient jdbc;

	EvidenceItems(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(PenaltyCase penaltyCase, Evidence.Kind kind, String description, String by,
			java.time.LocalDate on) {
		jdbc.sql("""
				insert into penalty_evidence (case_id, district_code, street_code, kind, description, recorded_by, recorded_on)
				values (:case, :district, :street, :kind, :description, :by, :on)""")
			.param("case", penaltyCase.id()).param("district", penaltyCase.districtCode())
			.param("street", penaltyCase.streetCode()).param("kind", kind.name()).param("description", description)
			.param("by", by).param("on", on).update();
	}

	/** A case's evidence in the order recorded, at most {@link PenaltyCase#MAX_EVIDENCE}. */
	public List<Evidence> of(long caseId) {
		return jdbc.sql("""
				select id, case_id, kind, description, recorded_by, recorded_on from penalty_evidence
				where case_id = :case order by id limit :limit""").param("case", caseId)
			.param("limit", PenaltyCase.MAX_EVIDENCE)
			.query((rs, n) -> new Evidence(rs.getLong(1), rs.getLong(2), Evidence.Kind.valueOf(rs.getString(3)),
					rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate()))
			.list();
	}

	/** A page of a case's evidence. */
	public ResultPage<Evidence> page(long caseId, Integer page) {
		List<Evidence> all = of(caseId);
		return ResultPage.slice(all, page, ResultPage.DEFAULT_SIZE);
	}
}
