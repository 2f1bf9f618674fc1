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
 * reviewed, how many passed (优秀 or 合格), the share passed, and which points failed how often — of every draw, or of
 * the draws whose period begins in a year. Bodies are paged; each body's reviewed cases are the review list filtered
 * to it.
 */
@Component
public class CaseFileResults {

	/** The reviews of the draws whose period begins in {@code :year} (0: of every draw). */
	private static final String OF_YEAR = """
			 join case_file_draw d on d.id = r.draw_id
			where (:year = 0 or d.period_from >= make_date(:year, 1, 1) and d.period_from < make_date(:year + 1, 1, 1))
			""";

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

	/** The results of the draws of a year (null: of every draw), a page of bodies at a time. */
	public ResultPage<BodyResult> page(Integer year, Integer page) {
		int of = year == null ? 0 : year;
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE,
				limit -> jdbc.sql("select count(*) from (select distinct r.body_id from case_file_review r" + OF_YEAR
						+ " limit :limit) t").param("year", of).param("limit", limit).query(Long.class).single(),
				(limit, offset) -> rows(of, limit, offset));
	}

	private List<BodyResult> rows(int year, int limit, long offset) {
		record Totals(long bodyId, long drawn, long reviewed, long excellent, long passed, long failed) {
		}
		List<Totals> totals = jdbc.sql("select r.body_id, count(*), count(*) filter (where r.status = 'REVIEWED'),"
				+ " count(*) filter (where r.result = 'EXCELLENT'), count(*) filter (where r.result = 'PASSED'),"
				+ " count(*) filter (where r.result = 'FAILED') from case_file_review r" + OF_YEAR
				+ " group by r.body_id order by r.body_id limit :limit offset :offset")
			.param("year", year).param("limit", limit).param("offset", offset)
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
					rs.getLong(6)))
			.list();
		if (totals.isEmpty()) {
			return List.of();
		}
		Map<Long, Map<ReviewPoint, Long>> failedPoints = new LinkedHashMap<>();
		jdbc.sql("select r.body_id, p.point, count(*) from case_file_review r"
				+ " cross join lateral unnest(r.points, r.outcomes) as p(point, outcome)" + OF_YEAR
				+ " and r.status = 'REVIEWED' and p.outcome = 'FAILED' and r.body_id in (:bodies)"
				+ " group by r.body_id, p.point")
			.param("year", year).param("bodies", totals.stream().map(Totals::bodyId).toList())
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

	/** The failed points, the most frequent first, then in the checklist's order. */
	private static Map<ReviewPoint, Long> sortedByCount(Map<ReviewPoint, Long> counts) {
		Map<ReviewPoint, Long> sorted = new LinkedHashMap<>();
		counts.entrySet().stream()
			.sorted(Map.Entry.<ReviewPoint, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
			.forEach(e -> sorted.put(e.getKey(), e.getValue()));
		return sorted;
	}
}
