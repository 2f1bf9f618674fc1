package org.anjian.inspection;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.anjian.audit.AuditTrail;
import org.anjian.inspection.internal.InspectionAction;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.database.SystemScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inspection code (检查码): an unguessable token issued with every task, printed as a QR code on the documents
 * and handed to the enterprise, whose public page (the portal's) tells the body, the officers, the matters and, once
 * finished, the day and the result; through it the enterprise rates the inspection once. The token is the only key: anyone holding it may read
 * the page, nobody may list or guess tokens, and an unknown token is answered exactly like an unknown address.
 * Read and written as the system (the public has no jurisdiction); must be called outside a transaction.
 */
@Service
public class InspectionCodes {

	/** What every unknown or malformed token is told: the same words as any address that does not exist. */
	public static final String UNKNOWN = "您访问的地址不存在";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** base64url without padding of 32 bytes is 43 characters; the schema accepts any token of at least 32. */
	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{32,64}");

	private final Inspections inspections;
	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final AuditTrail audit;
	private final Clock clock;

	InspectionCodes(Inspections inspections, JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit,
			Clock clock) {
		this.inspections = inspections;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new token: 256 random bits, base64url without padding (43 characters), safe in a URL as it is. */
	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether a string could be a token at all: anything else is refused before the database is asked. */
	public static boolean wellFormed(String token) {
		return token != null && TOKEN.matcher(token).matches();
	}

	/**
	 * What the enterprise rated. The public page shows the score and the time only; the headed comments (规范, 廉洁,
	 * 服务) and the free one are read by the inspecting body and its leaders ({@code InspectionRatings}), and are
	 * null here.
	 */
	public record Rating(int score, String conduct, String integrity, String service, String comment, Instant ratedAt) {
	}

	/**
	 * The public view of one inspection: the body, the enterprise, the two officers with their badges, the matters,
	 * the planned day and, once recording began, the day of the inspection. The result (the counts of the items) is
	 * filled only for a finished task; before that the page shows what is planned and nothing of the record in
	 * progress. The task's id is there for the portal to ask other modules about the same inspection (its hazards);
	 * the page does not show it.
	 */
	public record PublicInspection(long taskId, String token, String bodyName, String enterpriseName,
			InspectionParticulars.Officer lead, InspectionParticulars.Officer second, List<String> matters,
			LocalDate plannedOn, LocalDate inspectedOn, String status, String statusLabel, boolean finished,
			int itemsChecked, int passed, int failed, int notApplicable, Rating rating) {

		public boolean ratable() {
			return finished && rating == null;
		}
	}

	/** The rating form: a score of 1 to 5 and three headed comments (规范, 廉洁, 服务) plus a free one. */
	public record RatingForm(Integer score, String conduct, String integrity, String service, String comment) {
	}

	/** Refused because the inspection already has its one rating (answered 409, not 400). */
	public static class AlreadyRatedException extends InvalidInputException {

		AlreadyRatedException() {
			super("rating", "本次检查已经评价过，每次检查只能评价一次，不能重复评价或修改");
		}
	}

	public PublicInspection view(String token) {
		if (!wellFormed(token)) {
			throw new NotFoundException(UNKNOWN);
		}
		// one statement, as the system: holding the token is what lets the public read this inspection; the body, the
		// enterprise and the officers through the views their modules publish (the page is the most read of all)
		return SystemScope.call("public-inspection-code", () -> jdbc.sql("""
				select t.id, t.matters, t.planned_on, t.status, coalesce(t.started_at, t.finished_at) inspected_at,
				       b.name body_name, e.name enterprise_name, l.name lead_name, l.badge_number lead_badge,
				       s.name second_name, s.badge_number second_badge,
				       c.passed, c.failed, c.not_applicable, r.score, r.rated_at
				from inspection_task t
				left join body_directory b on b.id = t.body_id
				left join enterprise_register e on e.uscc = t.uscc
				left join officer_directory l on l.id = t.lead_officer_id
				left join officer_directory s on s.id = t.second_officer_id
				left join inspection_rating r on r.task_id = t.id
				cross join lateral (select count(*) filter (where x.outcome = 'PASS') passed,
				                           count(*) filter (where x.outcome = 'FAIL') failed,
				                           count(*) filter (where x.outcome not in ('PASS', 'FAIL')) not_applicable
				                    from inspection_result x where x.task_id = t.id) c
				where t.code_token = :token""").param("token", token).query((rs, n) -> {
			String status = rs.getString("status");
			boolean finished = InspectionStatus.FINISHED.name().equals(status);
			int passed = finished ? rs.getInt("passed") : 0;
			int failed = finished ? rs.getInt("failed") : 0;
			int notApplicable = finished ? rs.getInt("not_applicable") : 0;
			java.sql.Timestamp inspectedAt = rs.getTimestamp("inspected_at");
			java.sql.Timestamp ratedAt = rs.getTimestamp("rated_at");
			java.sql.Array matters = rs.getArray("matters");
			return new PublicInspection(rs.getLong("id"), token, rs.getString("body_name"), rs.getString("enterprise_name"),
					officer(rs.getString("lead_name"), rs.getString("lead_badge")),
					officer(rs.getString("second_name"), rs.getString("second_badge")),
					matters == null ? List.of() : List.of((String[]) matters.getArray()),
					rs.getObject("planned_on", LocalDate.class),
					inspectedAt == null ? null : LocalDate.ofInstant(inspectedAt.toInstant(), clock.getZone()), status,
					statusLabel(status), finished, passed + failed + notApplicable, passed, failed, notApplicable,
					ratedAt == null ? null : new Rating(rs.getInt("score"), null, null, null, null, ratedAt.toInstant()));
		}).optional().orElseThrow(() -> new NotFoundException(UNKNOWN)));
	}

	private static InspectionParticulars.Officer officer(String name, String badge) {
		return name == null ? null : new InspectionParticulars.Officer(name, badge);
	}

	/**
	 * Stores the enterprise's one rating of a finished inspection. A second rating is refused, also when two arrive
	 * at once: the primary key on the task decides, and the loser is told the same as a later one.
	 */
	public void rate(String token, RatingForm form) {
		if (!wellFormed(token)) {
			throw new NotFoundException(UNKNOWN);
		}
		if (form == null || form.score() == null || form.score() < 1 || form.score() > 5) {
			throw new InvalidInputException("score", "请选择 1 至 5 分的总体评分（5 分为非常满意）");
		}
		String conduct = text("conduct", "规范", form.conduct());
		String integrity = text("integrity", "廉洁", form.integrity());
		String service = text("service", "服务", form.service());
		String comment = text("comment", "其他意见", form.comment());
		SystemScope.run("public-inspection-rating", () -> {
			InspectionTask task = task(token);
			if (task.status() != InspectionStatus.FINISHED) {
				throw new InvalidInputException("rating", "检查尚未完成（当前状态：" + statusLabel(task.status().name())
						+ "），完成后才能评价");
			}
			try {
				transactions.executeWithoutResult(status -> {
					audit.describe(InspectionAction.RATE);
					jdbc.sql("""
							insert into inspection_rating (task_id, district_code, street_code, score, conduct, integrity,
							                               service, comment)
							select id, district_code, street_code, :score, :conduct, :integrity, :service, :comment
							from inspection_task where id = :id""")
						.param("id", task.id())
						.param("score", form.score())
						.param("conduct", conduct)
						.param("integrity", integrity)
						.param("service", service)
						.param("comment", comment)
						.update();
				});
			}
			catch (DuplicateKeyException e) {
				throw new AlreadyRatedException();
			}
		});
	}

	/** The status in the words the enterprise knows. */
	static String statusLabel(String status) {
		switch (status) {
			case "OPEN":
				return "待检查";
			case "PLAN_SUBMITTED":
				return "检查方案待批准";
			case "PLAN_APPROVED":
				return "待检查（检查方案已批准）";
			case "IN_PROGRESS":
				return "检查中";
			case "FINISHED":
				return "已完成";
			case "CANCELLED":
				return "已取消";
			default:
				return status;
		}
	}

	private static String text(String field, String heading, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (trimmed.length() > 500) {
			throw new InvalidInputException(field, "“" + heading + "”的意见请控制在 500 字以内（现为 " + trimmed.length() + " 字）");
		}
		return trimmed;
	}

	private InspectionTask task(String token) {
		Long id = jdbc.sql("select id from inspection_task where code_token = :token").param("token", token)
			.query(Long.class).optional().orElseThrow(() -> new NotFoundException(UNKNOWN));
		return inspections.task(id);
	}
}
