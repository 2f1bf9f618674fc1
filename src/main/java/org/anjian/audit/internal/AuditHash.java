package org.anjian.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash of one audit record, computed exactly as the database's {@code anjian_audit_hash} does, so that
 * the chain can be checked by code that does not trust the database's own functions: SHA-256 (lower-case
 * hex) of the fields, each written as {@code <UTF-8 octet length>:<value>;} and a null as {@code -;}, in the
 * order seq, prev_hash, occurred_at (epoch microseconds), actor, body_id, district_code, street_code,
 * entity_type, entity_id, action, before_state, after_state. The length prefix makes the encoding
 * unambiguous: no two different records share a canonical text.
 */
public final class AuditHash {

	/** The previous hash of the first record. */
	public static final String GENESIS = "0".repeat(64);

	private static final byte[] NULL = "-;".getBytes(StandardCharsets.US_ASCII);

	private AuditHash() {
	}

	/**
	 * The hash of a record. {@code occurredAt} has microsecond precision, as {@code timestamptz} does; the JSON
	 * states are their stored text, byte for byte.
	 */
	public static String of(long seq, String prevHash, Instant occurredAt, String actor, String bodyId,
			String districtCode, String streetCode, String entityType, String entityId, String action,
			String beforeState, String afterState) {
		MessageDigest sha256 = sha256();
		field(sha256, Long.toString(seq));
		field(sha256, prevHash);
		field(sha256, occurredAt == null ? null : Long.toString(epochMicros(occurredAt)));
		field(sha256, actor);
		field(sha256, bodyId);
		field(sha256, districtCode);
		field(sha256, streetCode);
		field(sha256, entityType);
		field(sha256, entityId);
		field(sha256, action);
		field(sha256, beforeState);
		field(sha256, afterState);
		return HexFormat.of().formatHex(sha256.digest());
	}

	static long epochMicros(Instant instant) {
		return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
	}

	private static void field(MessageDigest digest, String value) {
		if (value == null) {
			digest.update(NULL);
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		digest.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
		digest.update(bytes);
		digest.update((byte) ';');
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
		}
	}
}
