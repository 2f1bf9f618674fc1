package org.anjian.planning.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.anjian.planning.AnnualPlan;
import org.anjian.shared.JurisdictionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Why a plan's candidates are the enterprises they are (seed: one enterprise, one supervising level): of all the
 * enterprises registered in the plan's jurisdiction, a plan draws only on those its own body supervises and that
 * are in operation ({@link PlanStore#units}); the others are supervised by another body — the city corps, the
 * district brigade, a street or town — or are suspended or deregistered. Counted from the registry's published view
 * in one query, within the reader's jurisdiction.
 */
@Service
public class CandidatePool {

	private final JdbcClient jdbc;

	CandidatePool(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The enterprises of one supervising body in the plan's jurisdiction: the body (null when no body is set yet),
	 * its level, whether it is the plan's own body, and how many are in operation, suspended and deregistered.
	 */
	public record Supervisor(Long bodyId, String bodyName, JurisdictionLevel level, boolean own, long operating,
			long suspended, long deregistered) {

		public long total() {
			return operating + suspended + deregistered;
		}
	}

	/**
	 * The pool: the enterprises registered in the plan's jurisdiction, by supervising body (the plan's own first,
	 * then by level and name); the candidates are the own body's enterprises in operation.
	 */
	public record Pool(long registered, Supervisor own, List<Supervisor> others) {

		/** The candidates of the plan's composition. */
		public long candidates() {
			return own.operating();
		}

		/** Of the plan's own body's enterprises, those not in operation (suspended or deregistered). */
		public long ownNotOperating() {
			return own.suspended() + own.deregistered();
		}

		/** The enterprises of the jurisdiction another body supervises (or none yet), at a level. */
		public long otherAt(JurisdictionLevel level) {
			return others.stream().filter(s -> s.level() == level).mapToLong(Supervisor::total).sum();
		}

		/** The enterprises of the jurisdiction whose supervising body is not set. */
		public long unassigned() {
			return others.stream().filter(s -> s.bodyId() == null).mapToLong(Supervisor::total).sum();
		}
	}

	public Pool of(AnnualPlan plan) {
		StringBuilder where = new StringBuilder();
		Map<String, Object> params = new HashMap<>();
		params.put("body", plan.bodyId());
		if (plan.districtCode() != null) {
			where.append(" where e.district_code = :district");
			params.put("district", plan.districtCode());
			if (plan.streetCode() != null) {
				where.append(" and e.street_code = :street");
				params.put("street", plan.streetCode());
			}
		}
		List<Supervisor> found = jdbc.sql("""
				select e.supervising_body_id, b.name, coalesce(b.level, e.supervision_level) as level,
				       count(*) filter (where e.operating_status = 'OPERATING') as operating,
				       count(*) filter (where e.operating_status = 'SUSPENDED') as suspended,
				       count(*) filter (where e.operating_status = 'DEREGISTERED') as deregistered
				from enterprise_register e left join body_directory b on b.id = e.supervising_body_id""" + where + """

				group by 1, 2, 3
				order by (e.supervising_body_id is distinct from :body), 3, 2 nulls last""")
			.params(params)
			.query((rs, n) -> {
				long id = rs.getLong(1);
				Long bodyId = rs.wasNull() ? null : id;
				return new Supervisor(bodyId, rs.getString(2), JurisdictionLevel.valueOf(rs.getString(3)),
						bodyId != null && bodyId == plan.bodyId(), rs.getLong(4), rs.getLong(5), rs.getLong(6));
			})
			.list();
		Supervisor own = null;
		List<Supervisor> others = new ArrayList<>();
		for (Supervisor s : found) {
			if (s.own()) {
				own = s;
			}
			else {
				others.add(s);
			}
		}
		if (own == null) {
			own = new Supervisor(plan.bodyId(), null, plan.bodyLevel(), true, 0, 0, 0);
		}
		long registered = found.stream().mapToLong(Supervisor::total).sum();
		return new Pool(registered, own, others);
	}
}
