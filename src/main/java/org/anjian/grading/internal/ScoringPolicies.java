package org.anjian.grading.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.anjian.grading.FactKind;
import org.anjian.grading.Grade;
import org.anjian.grading.OverrideKind;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versions of the scoring policy, read from {@code scoring_policy} and its item, factor and override tables.
 * An active or retired version never changes again, so it is read once and kept.
 */
@Component
public class ScoringPolicies {

	private final JdbcClient jdbc;

	private final Map<Integer, ScoringPolicy> settled = new ConcurrentHashMap<>();

	private final Clock clock;

	ScoringPolicies(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A version of the policy and where it stands. */
	public record Version(int version, PolicyStatus status, LocalDate effectiveFrom, String note, String createdBy) {
	}

	public ScoringPolicy active() {
		return version(activeVersion());
	}

	public int activeVersion() {
		return jdbc.sql("select version from scoring_policy where status = 'ACTIVE'").query(Integer.class).single();
	}

	public List<Version> versions() {
		return jdbc.sql("select version, status, effective_from, note, created_by from scoring_policy order by version desc")
			.query((rs, n) -> new Version(rs.getInt("version"), PolicyStatus.valueOf(rs.getString("status")),
					rs.getObject("effective_from", LocalDate.class), rs.getString("note"), rs.getString("created_by")))
			.list();
	}

	public Version describe(int version) {
		return versions().stream()
			.filter(v -> v.version() == version)
			.findFirst()
			.orElseThrow(() -> new NotFoundException("评分规则第 " + version + " 版不存在"));
	}

	public ScoringPolicy version(int version) {
		ScoringPolicy known = settled.get(version);
		if (known != null) {
			return known;
		}
		ScoringPolicy policy = load(version);
		if (describe(version).status() != PolicyStatus.DRAFT) {
			settled.put(version, policy);
		}
		return policy;
	}

	/** DRAFT → ACTIVE from today; the version active until now → RETIRED. */
	@Transactional
	void activateDraft(int version) {
		PolicyStatus status = describe(version).status();
		if (!status.canBecome(PolicyStatus.ACTIVE)) {
			throw new InvalidTransitionException(status.name(), PolicyStatus.ACTIVE.name(),
					"评分规则第 " + version + " 版不是草稿（当前：" + status + "），不能启用");
		}
		jdbc.sql("update scoring_policy set status = 'RETIRED' where status = 'ACTIVE'").update();
		jdbc.sql("update scoring_policy set status = 'ACTIVE', effective_from = :today, activated_at = now() where version = :v")
			.param("today", LocalDate.now(clock))
			.param("v", version)
			.update();
	}

	private ScoringPolicy load(int version) {
		var head = jdbc.sql("select effective_from, threshold_a, threshold_b, threshold_c from scoring_policy where version = :v")
			.param("v", version)
			.query((rs, n) -> new Head(rs.getObject("effective_from", LocalDate.class),
					new ScoringPolicy.Thresholds(rs.getBigDecimal("threshold_a"), rs.getBigDecimal("threshold_b"),
							rs.getBigDecimal("threshold_c"))))
			.optional()
			.orElseThrow(() -> new NotFoundException("评分规则第 " + version + " 版不存在"));
		Map<String, BigDecimal> items = new LinkedHashMap<>();
		jdbc.sql("select item, points from scoring_item where policy_version = :v order by item")
			.param("v", version)
			.query(rs -> {
				items.put(rs.getString("item"), rs.getBigDecimal("points"));
			});
		Map<FactKind, ScoringPolicy.Factor> factors = new EnumMap<>(FactKind.class);
		jdbc.sql("select * from scoring_factor where policy_version = :v")
			.param("v", version)
			.query((rs, n) -> new ScoringPolicy.Factor(FactKind.valueOf(rs.getString("kind")), rs.getBigDecimal("each"),
					rs.getBigDecimal("per_death"), rs.getBigDecimal("per_injury"),
					rs.getBigDecimal("per_ten_thousand_yuan"), rs.getInt("window_months"),
					rs.getBigDecimal("decay_floor"), rs.getBigDecimal("cap")))
			.list()
			.forEach(f -> factors.put(f.kind(), f));
		List<ScoringPolicy.Override> overrides = jdbc
			.sql("select kind, window_months, grade from scoring_override where policy_version = :v order by kind")
			.param("v", version)
			.query((rs, n) -> new ScoringPolicy.Override(OverrideKind.valueOf(rs.getString("kind")),
					(Integer) rs.getObject("window_months"), Grade.valueOf(rs.getString("grade"))))
			.list();
		return new ScoringPolicy(version, head.effectiveFrom(), items, factors, head.thresholds(), overrides);
	}

	private record Head(LocalDate effectiveFrom, ScoringPolicy.Thresholds thresholds) {
	}
}
