package org.anjian.audit.internal;

import java.time.Clock;

import org.anjian.audit.ChainVerification;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Recomputes every record's hash in Java and checks the links between them and against the signed heads, as the
 * system (a broken record anywhere in the city must be found, whoever asks). Reads the signed heads first, then the
 * chain head, then the records up to it in keyset batches, so that writes and signings committed meanwhile neither
 * disturb the check nor are mistaken for damage. Must be called outside a transaction.
 */
public final class ChainVerifier {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final AuditRecords records;

	public ChainVerifier(JdbcClient jdbc, Clock clock, int batchSize) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.records = new AuditRecords(jdbc, batchSize);
	}

	/** Checks the chain against the signed heads of the source, whose signatures must hold under the verifier's key. */
	public ChainVerification verify(AnchorSource source, AnchorVerifier verifier) {
		return SystemScope.call("audit-verify", () -> {
			AnchorSource read = snapshot(source);
			ChainHead head = jdbc.sql("select last_seq, last_hash from audit_chain_head where id = 1")
				.query((rs, n) -> new ChainHead(rs.getLong("last_seq"), rs.getString("last_hash")))
				.optional()
				.orElse(new ChainHead(null, null));
			ChainCheck check = new ChainCheck(head.seq(), head.hash(), read, verifier);
			records.forEach(0, head.seq() == null ? Long.MAX_VALUE : head.seq(), check::accept);
			return check.result(clock.instant());
		});
	}

	/** The heads as they are now (read before the chain head); fingerprints are read as the walk needs them. */
	private static AnchorSource snapshot(AnchorSource source) {
		var heads = source.heads();
		return new AnchorSource() {

			@Override
			public java.util.List<SignedHead> heads() {
				return heads;
			}

			@Override
			public byte[] fingerprints(SignedHead head) {
				return source.fingerprints(head);
			}
		};
	}

	/** The last record as the chain head names it; both null when the head row itself is gone. */
	private record ChainHead(Long seq, String hash) {
	}
}
