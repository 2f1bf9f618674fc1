package org.anjian.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.anjian.audit.internal.ChainCheck;
import org.anjian.shared.InvalidInputException;
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

	/** The newest records the caller's jurisdiction lets them see, newest first. */
	public List<AuditEntry> latest(int limit) {
		if (limit < 1 || limit > 1_000) {
			throw new InvalidInputException("limit", "每次最多查看 1000 条记录，至少 1 条");
		}
		return jdbc.sql("select " + COLUMNS + " from audit_record order by seq desc limit :limit")
			.param("limit", limit)
			.query(AuditTrail::entry)
			.list();
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
