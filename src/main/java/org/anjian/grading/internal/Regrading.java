package org.anjian.grading.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.grading.EnterpriseRegraded;
import org.anjian.grading.Grade;
import org.anjian.grading.GradeCause;
import org.anjian.grading.RiskAssessment;
import org.anjian.shared.Json;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.Zone;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grades one enterprise from its facts under the active policy and stores score, grade, breakdown and, when the
 * grade moves, a line of its history. A deregistered enterprise is not graded. The whole city is regraded by
 * {@link FullRegrade} in one set-based pass that gives the same result.
 */
@Service
public class Regrading {

	private final JdbcClient jdbc;

	private final ScoringPolicies policies;

	private final RiskFacts facts;

	private final EnterpriseRegistry registry;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	Regrading(JdbcClient jdbc, ScoringPolicies policies, RiskFacts facts, EnterpriseRegistry registry,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.facts = facts;
		this.registry = registry;
		this.events = events;
		this.clock = clock;
	}

	/** A moment as the database returns it (UTC), in Shanghai time for display. */
	public static OffsetDateTime local(OffsetDateTime moment) {
		return moment == null ? null : moment.atZoneSameInstant(Zone.SHANGHAI).toOffsetDateTime();
	}

	/** Regrades one enterprise now; empty when it is not graded (deregistered, or not visible to the caller). */
	@Transactional
	public Optional<RiskAssessment> regrade(String uscc, GradeCause cause) {
		lock(jdbc, List.of(uscc));
		Optional<EnterpriseTraits> traits = traits(uscc);
		if (traits.isEmpty()) {
			jdbc.sql("delete from risk_grade where uscc = :uscc").param("uscc", uscc).update();
			return Optional.empty();
		}
		RiskAssessment assessment = Scoring.assess(traits.get(), facts.of(uscc), policies.active(), LocalDate.now(clock));
		store(traits.get(), assessment, cause);
		return Optional.of(assessment);
	}

	/**
	 * Serialises regrades of the same enterprises until the transaction ends, so that a regrade reads the facts
	 * only after any other regrade of them has committed, and never overwrites a newer grade with an older one.
	 * Locks are taken in code order, so that two batches cannot deadlock; a full regrade of the city waits for
	 * them, and they for it.
	 */
	static void lock(JdbcClient jdbc, java.util.Collection<String> usccs) {
		// shared with other regrades of some enterprises, exclusive with a full regrade of the city
		jdbc.sql("select pg_advisory_xact_lock_shared(:key)").param("key", FullRegrade.LOCK).query((rs, n) -> 1).list();
		jdbc.sql("select count(pg_advisory_xact_lock(hashtext('grade:' || c))) from (select unnest(:codes) as c order by 1) t")
			.param("codes", usccs.stream().sorted().toArray(String[]::new))
			.query(Long.class)
			.single();
	}

	/**
	 * Takes the enterprise's regrade lock before the transaction writes anything: every write appends to the audit
	 * chain and holds its head until commit, so a lock taken after a write could wait on a regrade that waits on
	 * that head.
	 */
	public void lockFirst(String uscc) {
		lock(jdbc, List.of(uscc));
	}

	/**
	 * What the enterprise file says that counts, if the enterprise is graded at all: asked of the registry, which
	 * answers only for a file within the caller's reach.
	 */
	public Optional<EnterpriseTraits> traits(String uscc) {
		Enterprise file;
		try {
			file = registry.file(uscc);
		}
		catch (NotFoundException e) {
			return Optional.empty();
		}
		if (file.operatingStatus() == OperatingStatus.DEREGISTERED) {
			return Optional.empty();
		}
		return Optional.of(new EnterpriseTraits(file.uscc(), file.districtCode(), file.streetCode(), file.sector(),
				file.riskTags(), file.majorHazardLevel(), file.standardizationGrade(), file.liabilityInsurance()));
	}

	private void store(EnterpriseTraits enterprise, RiskAssessment assessment, GradeCause cause) {
		Optional<Grade> previous = jdbc.sql("select grade from risk_grade where uscc = :uscc for update")
			.param("uscc", enterprise.uscc())
			.query((rs, n) -> Grade.valueOf(rs.getString(1)))
			.optional();
		OffsetDateTime now = OffsetDateTime.now(clock);
		jdbc.sql("""
				insert into risk_grade (uscc, district_code, street_code, sector, policy_version, as_of, score,
				    points_grade, grade, overrides, breakdown, graded_at)
				values (:uscc, :district, :street, :sector, :policy, :asOf, :score, :pointsGrade, :grade,
				    string_to_array(:overrides, ','), cast(:breakdown as jsonb), :now)
				on conflict (uscc) do update set district_code = excluded.district_code,
				    street_code = excluded.street_code, sector = excluded.sector,
				    policy_version = excluded.policy_version, as_of = excluded.as_of, score = excluded.score,
				    points_grade = excluded.points_grade, grade = excluded.grade, overrides = excluded.overrides,
				    breakdown = excluded.breakdown, graded_at = excluded.graded_at""")
			.param("uscc", enterprise.uscc())
			.param("district", enterprise.districtCode())
			.param("street", enterprise.streetCode())
			.param("sector", enterprise.sector().name())
			.param("policy", assessment.policyVersion())
			.param("asOf", assessment.asOf())
			.param("score", assessment.score())
			.param("pointsGrade", assessment.pointsGrade().name())
			.param("grade", assessment.grade().name())
			.param("overrides", assessment.overrides().stream().map(Enum::name).collect(Collectors.joining(",")))
			.param("breakdown", json(assessment.points()))
			.param("now", now)
			.update();
		if (previous.isEmpty() || previous.get() != assessment.grade()) {
			jdbc.sql("""
					insert into grade_change (uscc, district_code, street_code, changed_at, as_of, from_grade, to_grade,
					    score, policy_version, cause)
					values (:uscc, :district, :street, :now, :asOf, :from, :to, :score, :policy, :cause)""")
				.param("uscc", enterprise.uscc())
				.param("district", enterprise.districtCode())
				.param("street", enterprise.streetCode())
				.param("now", now)
				.param("asOf", assessment.asOf())
				.param("from", previous.map(Enum::name).orElse(null))
				.param("to", assessment.grade().name())
				.param("score", assessment.score())
				.param("policy", assessment.policyVersion())
				.param("cause", cause.name())
				.update();
			events.publishEvent(new EnterpriseRegraded(enterprise.uscc(), previous.orElse(null), assessment.grade(),
					assessment.score(), cause));
		}
	}

	/** The breakdown as stored: {@code [{"item": …, "fact": …, "points": …}, …]}, as the full regrade writes it. */
	static String json(List<RiskAssessment.Point> points) {
		return Json.write(points.stream().map(p -> {
			java.util.Map<String, Object> point = new java.util.LinkedHashMap<>();
			point.put("item", p.item());
			point.put("fact", p.factId());
			point.put("points", p.points());
			return point;
		}).toList());
	}

	static BigDecimal sum(List<RiskAssessment.Point> points) {
		return points.stream().map(RiskAssessment.Point::points).reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
