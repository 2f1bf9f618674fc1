package org.anjian.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Predicate;

import org.anjian.audit.AuditEntry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads the audit records in seq order in keyset batches, for verification and for signing the head: enough per query
 * to be quick, few enough to keep memory flat at millions of records.
 */
public final class AuditRecords {

	/** Records read per query: enough to be quick, few enough to keep memory flat at millions. */
	public static final int BATCH_SIZE = 5_000;

	public static final String COLUMNS = "seq, occurred_at, actor, body_id, district_code, street_code, entity_type,"
			+ " entity_id, action, before_state::text as before_state, after_state::text as after_state, prev_hash, hash";

	private final JdbcClient jdbc;
	private final int batchSize;

	public AuditRecords(JdbcClient jdbc, int batchSize) {
		this.jdbc = jdbc;
		this.batchSize = batchSize;
	}

	/** Offers the records after {@code after} up to {@code upTo} in seq order, until the consumer answers false. */
	public void forEach(long after, long upTo, Predicate<AuditEntry> consumer) {
		while (true) {
			List<AuditEntry> batch = jdbc
				.sql("select " + COLUMNS + " from audit_record where seq > :after and seq <= :upTo order by seq limit :limit")
				.param("after", after)
				.param("upTo", upTo)
				.param("limit", batchSize)
				.query(AuditRecords::entry)
				.list();
			for (AuditEntry row : batch) {
				if (!consumer.test(row)) {
					return;
				}
			}
			if (batch.size() < batchSize) {
				return;
			}
			after = batch.get(batch.size() - 1).seq();
		}
	}

	public static AuditEntry entry(ResultSet rs, int rowNum) throws SQLException {
		return new AuditEntry(rs.getLong("seq"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
				rs.getString("actor"), rs.getString("body_id"), rs.getString("district_code"),
				rs.getString("street_code"), rs.getString("entity_type"), rs.getString("entity_id"),
				rs.getString("action"), rs.getString("before_state"), rs.getString("after_state"),
				rs.getString("prev_hash"), rs.getString("hash"));
	}
}
