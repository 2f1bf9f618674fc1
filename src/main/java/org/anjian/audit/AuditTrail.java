package org.anjian.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.anjian.audit.internal.ChainCheck;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.Zone;
import org.anjian.shared.database.SystemScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The audit trail as the rest of the application sees it. The records themselves are written by the
 * database (trigger {@code anjian_audit}) in the writing transaction, so no write can skip them; this
 * facade verifies the chain, reads an entity's history within the caller's jurisdiction, and lets a use case
 * name the business action its writes stand for.
 */
@Service
public class AuditTrail {

	/** Counted at most, to tell how many records a search found: beyond it the page says "more than". */
	static final int COUNT_CAP = 10_000;

	/** An enterprise's unified social credit code as typed into a search (the check digit is not checked here). */
	private static final Pattern CREDIT_CODE = Pattern.compile("[0-9A-HJ-NP-RTUWXY]{18}");

	/** The credit code of the enterprise a recorded row is about (V84 indexes it). */
	private static final String USCC_OF_ROW = "coalesce(after_state->>'uscc', before_state->>'uscc')";

	/** Records read per query when verifying: enough to be quick, few enough to keep memory flat at millions. */
	static final int BATCH_SIZE = 5_000;

	private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

	private static final String COLUMNS = "seq, occurred_at, actor, body_id, district_code, street_code, entity_type,"
			+ " entity_id, action, before_state::text as before_state, after_state::text as after_state, prev_hash, hash";

	private final JdbcClient jdbc;
	private final Clock clock;
	private final int batchSize;

	@Autowired
	AuditTrail(JdbcClient jdbc, Clock clock) {
		this(jdbc, clock, BATCH_SIZE);
	}

	/** With a small batch size, so that tests cross batch boundaries on a small chain. */
	AuditTrail(JdbcClient jdbc, Clock clock, int batchSize) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	/**
	 * Recomputes every record's hash in Java and checks the links between them, as the system (a broken
	 * record anywhere in the city must be found, whoever asks). Reads the chain head first and the records up
	 * to it in keyset batches, so writes committed meanwhile neither disturb the check nor are mistaken for
	 * damage. Must be called outside a transaction.
	 */
	public ChainVerification verify() {
		ChainVerification result = SystemScope.call("audit-verify", this::verifyAsSystem);
		if (result.intact()) {
			log.info("Audit chain intact ({} records)", result.rowsChecked());
		}
		else {
			log.warn("Audit chain broken at seq {}: {}", result.firstBrokenSeq(), result.reason());
		}
		return result;
	}

	/**
	 * The records of one entity (a table name and the row's id, code or USCC) in the order they were written,
	 * as far as the caller's jurisdiction reaches: row-level security leaves out the others.
	 */
	public List<AuditEntry> history(String entityType, String entityId) {
		if (entityType == null || entityType.isBlank()) {
			throw new InvalidInputException("entityType", "请指定要查询的实体类型（表名），例如 enforcement_body");
		}
		if (entityId == null || entityId.isBlank()) {
			throw new InvalidInputException("entityId", "请指定要查询的实体编号（id、代码或统一社会信用代码）");
		}
		return jdbc.sql("select " + COLUMNS + " from audit_record where entity_type = :type and entity_id = :id order by seq")
			.param("type", entityType.trim())
			.param("id", entityId.trim())
			.query(AuditTrail::entry)
			.list();
	}

	/**
	 * One page of the records the query finds within the caller's jurisdiction, newest first. An enterprise's credit
	 * code as the id finds every record of a row about that enterprise (its file, its hazards, its inspections…); any
	 * other id needs the table it belongs to. The total is counted up to {@value #COUNT_CAP}.
	 */
	public ResultPage<AuditEntry> search(AuditQuery query, int page, int size) {
		StringBuilder where = new StringBuilder(" where true");
		Map<String, Object> params = new HashMap<>();
		if (query.entityType() != null) {
			where.append(" and entity_type = :type");
			params.put("type", query.entityType());
		}
		if (query.entityId() != null) {
			String id = query.entityId();
			if (CREDIT_CODE.matcher(id.toUpperCase()).matches()) {
				where.append(" and ").append(USCC_OF_ROW).append(" = :uscc");
				params.put("uscc", id.toUpperCase());
			}
			else if (query.entityType() == null) {
				throw new InvalidInputException("entityId", "按编号查找时请同时选择对象类型；按统一社会信用代码查找时请填写完整的 18 位代码");
			}
			else {
				where.append(" and entity_id = :id");
				params.put("id", id);
			}
		}
		if (query.actor() != null) {
			if ("system".equalsIgnoreCase(query.actor()) || "系统".equals(query.actor())) {
				where.append(" and actor like 'system:%'");
			}
			else {
				where.append(" and actor = :actor");
				params.put("actor", query.actor());
			}
		}
		if (query.action() != null) {
			where.append(" and action = :action");
			params.put("action", query.action());
		}
		if (query.from() != null && query.to() != null && query.to().isBefore(query.from())) {
			throw new InvalidInputException("to", "结束日期不能早于开始日期");
		}
		if (query.from() != null) {
			where.append(" and occurred_at >= :from");
			params.put("from", query.from().atStartOfDay(Zone.SHANGHAI).toOffsetDateTime());
		}
		if (query.to() != null) {
			where.append(" and occurred_at < :to");
			params.put("to", query.to().plusDays(1).atStartOfDay(Zone.SHANGHAI).toOffsetDateTime());
		}
		long total = jdbc.sql("select count(*) from (select 1 from audit_record" + where + " limit " + (COUNT_CAP + 1)
				+ ") found").params(params).query(Long.class).single();
		List<AuditEntry> rows = jdbc.sql("select " + COLUMNS + " from audit_record" + where
				+ " order by seq desc limit :limit offset :offset")
			.params(params)
			.param("limit", size)
			.param("offset", ResultPage.offset(page, size))
			.query(AuditTrail::entry)
			.list();
		return new ResultPage<>(rows, page, size, Math.min(total, COUNT_CAP), total <= COUNT_CAP);
	}

	/**
	 * Names the business action (e.g. 确认整改完成) that the current transaction's writes are recorded under,
	 * instead of insert, update or delete. The name lasts until the transaction ends, so it cannot leak into
	 * another use case that later borrows the same pooled connection.
	 *
	 * @throws IllegalStateException outside a transaction, where the setting would vanish before any write
	 */
	public void describe(AuditAction action) {
		if (action == null || action.code() == null || action.code().isBlank()) {
			throw new IllegalArgumentException("action must name a business action");
		}
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("AuditTrail.describe must be called inside a transaction: " + action.code());
		}
		jdbc.sql("select set_config('anjian.action', :action, true)").param("action", action.code().trim())
			.query(String.class).single();
	}

	private ChainVerification verifyAsSystem() {
		ChainHead head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
			.query((rs, n) -> new ChainHead(rs.getLong("last_seq"), rs.getString("last_hash")))
			.optional()
			.orElse(new ChainHead(null, null));
		ChainCheck check = new ChainCheck(head.seq(), head.hash());
		long upTo = head.seq() == null ? Long.MAX_VALUE : head.seq();
		long after = 0;
		while (true) {
			List<AuditEntry> batch = jdbc
				.sql("select " + COLUMNS + " from audit_record where seq > :after and seq <= :upTo order by seq limit :limit")
				.param("after", after)
				.param("upTo", upTo)
				.param("limit", batchSize)
				.query(AuditTrail::entry)
				.list();
			for (AuditEntry row : batch) {
				if (!check.accept(row)) {
					return check.result(clock.instant());
				}
			}
			if (batch.size() < batchSize) {
				return check.result(clock.instant());
			}
			after = batch.get(batch.size() - 1).seq();
		}
	}

	/** The last record as the chain head names it; both null when the head row itself is gone. */
	private record ChainHead(Long seq, String hash) {
	}

	private static AuditEntry entry(ResultSet rs, int rowNum) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("body_id"), rs.getString("district_code"),
				rs.getString("street_code"), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("action"), rs.getString("before_state"), rs.getString("after_state"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}
}
