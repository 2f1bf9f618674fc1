package org.anjian.penalty.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.anjian.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The results of case-file review per body (评查结果): for each body the caller reaches, its cases drawn and
 * reviewed, how many passed (优秀 or 合格), the share passed, and which points failed how often. Bodies are paged;
 * each body's reviewed cases are the review list filtered to it.
 */
@Component
public class CaseFileResults {

	private final JdbcClient jdbc;

	CaseFileResults(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** One body's results. */
	public record BodyResult(long bodyId, long drawn, long reviewed, long excellent, long passed, long failed,
			Map<ReviewPoint, Long> failedPoints) {

		/** The share of the reviewed files that passed (优秀 or 合格), in whole percent; null before any review. */
		public Long passedPercent() {
			return reviewed == 0 ? null : Math.round((excellent + passed) * 100.0 / reviewed);
		}
	}

	public ResultPage<BodyResult> page(Integer page) {
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE,
				limit -> jdbc.sql("select count(*) from (select distinct body_id from case_file_review limit :limit) t")
					.param("limit", limit).query(Long.class).single(),
				this::rows);
	}

	private List<BodyResult> rows(int limit, long offset) {
		record Totals(long bodyId, long drawn, long reviewed, long excellent, long passed, long failed) {
		}
		List<Totals> totals = jdbc.sql("""
				select body_id, count(*) as drawn, count(*) filter (where status = 'REVIEWED') as reviewed,
				  count(*) filter (where result = 'EXCELLENT') as excellent, count(*) filter (where result = 'PASSED') as passed,
				  count(*) filter (where result = 'FAILED') as failed
				from case_file_review group by body_id order by body_id limit :limit offset :offset""")
			.param("limit", limit).param("offset", offset)
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6)))
			.list();
		if (totals.isEmpty()) {
			return List.of();
		}
		Map<Long, Map<ReviewPoint, Long>> failedPoints = new LinkedHashMap<>();
		jdbc.sql("""
				select r.body_id, p.point, count(*) from case_file_review r
				cross join lateral unnest(r.points, r.outcomes) as p(point, outcome)
				where r.status = 'REVIEWED' and p.outcome = 'FAILED' and r.body_id in (:bodies)
				group by r.body_id, p.point order by r.body_id, count(*) desc, p.point""")
			.param("bodies", totals.stream().map(Totals::bodyId).toList())
			.query(rs -> {
				failedPoints.computeIfAbsent(rs.getLong(1), b -> new EnumMap<>(ReviewPoint.class))
					.put(ReviewPoint.valueOf(rs.getString(2)), rs.getLong(3));
			});
		List<BodyResult> results = new ArrayList<>();
		for (Totals t : totals) {
			results.add(new BodyResult(t.bodyId(), t.drawn(), t.reviewed(), t.excellent(), t.passed(), t.failed(),
					sortedByCount(failedPoints.getOrDefault(t.bodyId(), Map.of()))));
		}
		return results;
	}

	/** The failed points, the most frequent first. */
	private static Map<ReviewPoint, Long> sortedByCount(Map<ReviewPoint, Long> counts) {
		Map<ReviewPoint, Long> sorted = new LinkedHashMap<>();
		counts.entrySet().stream()
			.sorted(Map.Entry.<ReviewPoint, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}
}
