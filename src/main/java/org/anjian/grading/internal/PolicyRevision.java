package org.anjian.grading.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anjian.grading.Grade;
import org.anjian.grading.GradeCause;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.InvalidTransitionException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing the scoring policy: an administrator opens a draft (a copy of the active version), revises it,
 * previews how many enterprises would move from which grade to which, and activates it; the previous version is
 * retired and kept, and the city is regraded under the new one. Only a draft can be revised.
 */
@Service
public class PolicyRevision {

	private final JdbcClient jdbc;

	private final ScoringPolicies policies;

	private final FullRegrade fullRegrade;

	private final Clock clock;

	PolicyRevision(JdbcClient jdbc, ScoringPolicies policies, FullRegrade fullRegrade, Clock clock) {
		this.jdbc = jdbc;
		this.policies = policies;
		this.fullRegrade = fullRegrade;
		this.clock = clock;
	}

	/** How many enterprises would go from each grade (null: not graded yet) to each grade. */
	public record Preview(int version, Map<String, Map<Grade, Long>> moves, long graded, long changed) {
	}

	/** Opens a draft copied from the active version, or returns the draft already open. */
	@Authorized(Act.REVISE_SCORING_POLICY)
	@Transactional
	public int draft(String note, String by) {
		List<Integer> open = jdbc.sql("select version from scoring_policy where status = 'DRAFT'").query(Integer.class).list();
		if (!open.isEmpty()) {
			return open.get(0);
		}
		int active = policies.activeVersion();
		int version = jdbc.sql("select max(version) + 1 from scoring_policy").query(Integer.class).single();
		jdbc.sql("""
				insert into scoring_policy (version, status, threshold_a, threshold_b, threshold_c, note, created_by)
				select :version, 'DRAFT', threshold_a, threshold_b, threshold_c, :note, :by from scoring_policy where version = :active""")
			.param("version", version)
			.param("note", note == null || note.isBlank() ? "第 " + version + " 版草稿" : note.trim())
			.param("by", by)
			.param("active", active)
			.update();
		for (String table : List.of("scoring_item", "scoring_factor", "scoring_override")) {
			jdbc.sql("insert into " + table + " select :version, " + columns(table) + " from " + table
					+ " where policy_version = :active")
				.param("version", version)
				.param("active", active)
				.update();
		}
		return version;
	}

	private static String columns(String table) {
		switch (table) {
			case "scoring_item":
				return "item, points";
			case "scoring_factor":
				return "kind, each, per_death, per_injury, per_ten_thousand_yuan, window_months, decay_floor, cap";
			default:
				return "kind, window_months, grade";
		}
	}

	/** Replaces a draft's figures with those of {@code revised} (its version and effective date are ignored). */
	@Authorized(Act.REVISE_SCORING_POLICY)
	@Transactional
	public void revise(int version, ScoringPolicy revised) {
		requireDraft(version, PolicyStatus.DRAFT);
		jdbc.sql("update scoring_policy set threshold_a = :a, threshold_b = :b, threshold_c = :c where version = :v")
			.param("a", revised.thresholds().a())
			.param("b", revised.thresholds().b())
			.param("c", revised.thresholds().c())
			.param("v", version)
			.update();
		for (String table : List.of("scoring_item", "scoring_factor", "scoring_override")) {
			jdbc.sql("delete from " + table + " where policy_version = :v").param("v", version).update();
		}
		revised.items().forEach((item, points) -> jdbc
			.sql("insert into scoring_item (policy_version, item, points) values (:v, :item, :points)")
			.param("v", version)
			.param("item", item)
			.param("points", points)
			.update());
		revised.factors().values().forEach(f -> jdbc.sql("""
				insert into scoring_factor (policy_version, kind, each, per_death, per_injury, per_ten_thousand_yuan,
				    window_months, decay_floor, cap)
				values (:v, :kind, :each, :death, :injury, :amount, :window, :floor, :cap)""")
			.param("v", version)
			.param("kind", f.kind().name())
			.param("each", f.each())
			.param("death", f.perDeath())
			.param("injury", f.perInjury())
			.param("amount", f.perTenThousandYuan())
			.param("window", f.windowMonths())
			.param("floor", f.decayFloor())
			.param("cap", f.cap())
			.update());
		revised.overrides().forEach(o -> jdbc
			.sql("insert into scoring_override (policy_version, kind, window_months, grade) values (:v, :kind, :window, :grade)")
			.param("v", version)
			.param("kind", o.kind().name())
			.param("window", o.windowMonths())
			.param("grade", o.grade().name())
			.update());
	}

	/** Scores the city under {@code version} without storing anything and counts the moves between grades. */
	public Preview preview(int version) {
		policies.describe(version);
		Map<String, Map<Grade, Long>> moves = new LinkedHashMap<>();
		long[] totals = new long[2];
		fullRegrade.preview(version, LocalDate.now(clock), (from, to, count) -> {
			moves.computeIfAbsent(from == null ? "未评级" : from.name(), k -> new EnumMap<>(Grade.class)).put(to, count);
			totals[0] += count;
			if (from != to) {
				totals[1] += count;
			}
		});
		return new Preview(version, moves, totals[0], totals[1]);
	}

	/** Activates a draft from today, retires the active version, and regrades the city under the new one. */
	@Authorized(Act.ACTIVATE_SCORING_POLICY)
	public FullRegrade.Run activate(int version) {
		policies.activateDraft(version);
		return fullRegrade.regradeAll(LocalDate.now(clock), GradeCause.POLICY);
	}

	private void requireDraft(int version, PolicyStatus wanted) {
		PolicyStatus status = policies.describe(version).status();
		if (status != wanted) {
			throw new InvalidTransitionException(status.name(), "REVISE",
					"评分规则第 " + version + " 版已" + (status == PolicyStatus.ACTIVE ? "启用" : "停用") + "，不能再修改；请另起草稿");
		}
	}
}
