package org.anjian.inspection;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import org.anjian.audit.AuditTrail;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.database.SystemScope;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inspection code (检查码): an unguessable token issued with every task, printed as a QR code on the documents
 * and handed to the enterprise, whose public page tells the body, the officers, the matters and, once finished, the
 * result; through it the enterprise rates the inspection once. The token is the only key: anyone holding it may read
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

	private final JdbcClient jdbc;
	private final TransactionTemplate transactions;
	private final AuditTrail audit;

	InspectionCodes(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail audit) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.audit = audit;
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

	public record Officer(String name, String badge) {
	}

	public record Finding(String description, LocalDate deadline, boolean major) {
	}

	/** What the enterprise rated, shown back on the page. */
	public record Rating(int score, String conduct, String integrity, String service, String comment, Instant ratedAt) {
	}

	/**
	 * The public view of one inspection. The result (counts and findings) is filled only for a finished task; before
	 * that the page shows what is planned and nothing of the record in progress.
	 */
	public record PublicInspection(String token, String bodyName, String enterpriseName, Officer lead, Officer second,
			List<String> matters, LocalDate plannedOn, String status, String statusLabel, boolean finished,
			int itemsChecked, int passed, int failed, int notApplicable, List<Finding> findings, Rating rating) {

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
		return SystemScope.call("public-inspection-code", () -> {
			Task task = task(token);
			boolean finished = "FINISHED".equals(task.status);
			int[] counts = new int[3];
			List<Finding> findings = List.of();
			if (finished) {
				jdbc.sql("select outcome, count(*) from inspection_result where task_id = :id group by outcome")
					.param("id", task.id)
					.query(rs -> {
						String outcome = rs.getString(1);
						int n = rs.getInt(2);
						counts["PASS".equals(outcome) ? 0 : "FAIL".equals(outcome) ? 1 : 2] = n;
					});
				findings = jdbc.sql("select description, deadline, major from hazard where task_id = :id order by id")
					.param("id", task.id)
					.query((rs, n) -> new Finding(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBoolean(3)))
					.list();
			}
			Rating rating = jdbc.sql("select score, conduct, integrity, service, comment, rated_at from inspection_rating"
					+ " where task_id = :id")
				.param("id", task.id)
				.query((rs, n) -> new Rating(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getTimestamp(6).toInstant()))
				.optional()
				.orElse(null);
			return new PublicInspection(token, task.bodyName, task.enterpriseName, task.lead, task.second, task.matters,
					task.plannedOn, task.status, statusLabel(task.status), finished, counts[0] + counts[1] + counts[2],
					counts[0], counts[1], counts[2], findings, rating);
		});
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
			Task task = task(token);
			if (!"FINISHED".equals(task.status)) {
				throw new InvalidInputException("rating", "检查尚未完成（当前状态：" + statusLabel(task.status)
						+ "），完成后才能评价");
			}
			try {
				transactions.executeWithoutResult(status -> {
					audit.describe("inspection.rate");
					jdbc.sql("""
							insert into inspection_rating (task_id, district_code, street_code, score, conduct, integrity,
							                               service, comment)
							select id, district_code, street_code, :score, :conduct, :integrity, :service, :comment
							from inspection_task where id = :id""")
						.param("id", task.id)
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

	private static final class Task {
		long id;
		String status;
		String bodyName;
		String enterpriseName;
		Officer lead;
		Officer second;
		List<String> matters;
		LocalDate plannedOn;
	}

	private Task task(String token) {
		return jdbc.sql("""
				select t.id, t.status, b.name as body_name, e.name as enterprise_name, t.matters, t.planned_on,
				       l.name as lead_name, l.badge_number as lead_badge, s.name as second_name, s.badge_number as second_badge
				from inspection_task t
				join enforcement_body b on b.id = t.body_id
				join enterprise e on e.uscc = t.uscc
				left join officer l on l.id = t.lead_officer_id
				left join officer s on s.id = t.second_officer_id
				where t.code_token = :token""")
			.param("token", token)
			.query((rs, n) -> {
				Task task = new Task();
				task.id = rs.getLong("id");
				task.status = rs.getString("status");
				task.bodyName = rs.getString("body_name");
				task.enterpriseName = rs.getString("enterprise_name");
				task.matters = Arrays.asList((String[]) rs.getArray("matters").getArray());
				task.plannedOn = rs.getObject("planned_on", LocalDate.class);
				task.lead = rs.getString("lead_name") == null ? null
						: new Officer(rs.getString("lead_name"), rs.getString("lead_badge"));
				task.second = rs.getString("second_name") == null ? null
						: new Officer(rs.getString("second_name"), rs.getString("second_badge"));
				return task;
			})
			.optional()
			.orElseThrow(() -> new NotFoundException(UNKNOWN));
	}
}
