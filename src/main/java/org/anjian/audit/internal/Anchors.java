package org.anjian.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

import org.anjian.shared.ResultPage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signed heads kept in {@code audit_anchor} (append-only; readable by anyone, added by the system). */
@Repository
public class Anchors implements AnchorSource {

	private static final String COLUMNS = "id, from_seq, seq, hash, anchored_at, fingerprints_sha256, key_id, signature";

	private final JdbcClient jdbc;

	Anchors(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every signed head, oldest first (without the fingerprints). */
	@Override
	public List<SignedHead> heads() {
		return jdbc.sql("select " + COLUMNS + " from audit_anchor order by id").query(Anchors::head).list();
	}

	@Override
	public byte[] fingerprints(SignedHead head) {
		return jdbc.sql("select fingerprints from audit_anchor where id = :id").param("id", head.number())
			.query(byte[].class).optional().orElse(null);
	}

	/** A page of the signed heads, newest first. */
	public ResultPage<SignedHead> page(int number, int size) {
		long total = jdbc.sql("select count(*) from audit_anchor").query(Long.class).single();
		List<SignedHead> heads = jdbc.sql("select " + COLUMNS + " from audit_anchor order by id desc limit :limit offset :offset")
			.param("limit", size).param("offset", ResultPage.offset(number, size)).query(Anchors::head).list();
		return ResultPage.of(heads, number, size, total);
	}

	/** The last signed head, if any. */
	java.util.Optional<SignedHead> last() {
		return jdbc.sql("select " + COLUMNS + " from audit_anchor order by id desc limit 1").query(Anchors::head).optional();
	}

	/** Keeps a signed head with its fingerprints; returns it with its number. */
	SignedHead add(SignedHead head, byte[] fingerprints, String madeBy) {
		long id = jdbc.sql("""
				insert into audit_anchor (from_seq, seq, hash, anchored_at, fingerprints, fingerprints_sha256, key_id,
				  signature, made_by)
				values (:from, :seq, :hash, :at, :fingerprints, :fingerprintsSha256, :keyId, :signature, :madeBy)
				returning id""")
			.param("from", head.fromSeq()).param("seq", head.seq()).param("hash", head.hash())
			.param("at", Timestamp.from(head.anchoredAt())).param("fingerprints", fingerprints)
			.param("fingerprintsSha256", head.fingerprintsSha256()).param("keyId", head.keyId())
			.param("signature", head.signature()).param("madeBy", madeBy)
			.query(Long.class).single();
		return head.numbered(id);
	}

	private static SignedHead head(ResultSet rs, int n) throws SQLException {
		return new SignedHead(rs.getLong("id"), rs.getLong("from_seq"), rs.getLong("seq"), rs.getString("hash"),
				rs.getObject("anchored_at", OffsetDateTime.class).toInstant(), rs.getString("fingerprints_sha256"),
				rs.getString("key_id"), rs.getString("signature"));
	}
}
