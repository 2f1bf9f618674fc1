package org.anjian.inspection.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.anjian.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The enterprises' ratings of inspections (score 1–5, 规范 / 廉洁 / 服务, a free comment) as the inspecting body
 * reads them to follow up: one inspection's rating for its task page, and the list of ratings, the low ones first to
 * hand. Row-level security shows a rating to the officers of the body that inspected and to leaders only (V82), so
 * a reader of another body finds none.
 */
@Service
public class InspectionRatings {

	/** A score at or below this is low: the inspection is to be followed up. */
	public static final int LOW = 2;

	/** A rating with the inspection it rates: the task, the enterprise, the body and the two officers. */
	public record Rated(long taskId, String uscc, long bodyId, Long leadOfficerId, Long secondOfficerId, int score,
			String conduct, String integrity, String service, String comment, Instant ratedAt) {

		public boolean low() {
			return score <= LOW;
		}

		/** Whether the enterprise wrote anything beside the score. */
		public boolean commented() {
			return conduct != null || integrity != null || service != null || comment != null;
		}
	}

	private static final String SELECT = """
			select r.task_id, t.uscc, t.body_id, t.lead_officer_id, t.second_officer_id, r.score, r.conduct, r.integrity,
			       r.service, r.comment, r.rated_at
			from inspection_rating r join inspection_task t on t.id = r.task_id""";

	private final JdbcClient jdbc;

	InspectionRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The rating of one inspection, if it was rated and the caller may read it. */
	public Optional<Rated> ofTask(long taskId) {
		return jdbc.sql(SELECT + " where r.task_id = :task").param("task", taskId).query(InspectionRatings::rated)
			.optional();
	}

	/** One page of the ratings the caller may read, newest first; only the low ones when {@code low}. */
	public ResultPage<Rated> list(boolean low, int page, int size) {
		String where = low ? " where r.score <= " + LOW : "";
		long total = jdbc.sql("select count(*) from inspection_rating r join inspection_task t on t.id = r.task_id" + where)
			.query(Long.class).single();
		List<Rated> rows = jdbc.sql(SELECT + where + " order by r.rated_at desc, r.task_id desc limit :limit offset :offset")
			.param("limit", size)
			.param("offset", ResultPage.offset(page, size))
			.query(InspectionRatings::rated)
			.list();
		return ResultPage.of(rows, page, size, total);
	}

	private static Rated rated(ResultSet rs, int n) throws SQLException {
		long lead = rs.getLong("lead_officer_id");
		Long leadId = rs.wasNull() ? null : lead;
		long second = rs.getLong("second_officer_id");
		Long secondId = rs.wasNull() ? null : second;
		return new Rated(rs.getLong("task_id"), rs.getString("uscc"), rs.getLong("body_id"), leadId, secondId,
				rs.getInt("score"), rs.getString("conduct"), rs.getString("integrity"), rs.getString("service"),
				rs.getString("comment"), rs.getTimestamp("rated_at").toInstant());
	}
}
