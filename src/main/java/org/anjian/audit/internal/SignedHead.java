package org.anjian.audit.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One signed head of the audit chain: the chain's last record ({@code seq}, {@code hash}) at {@code anchoredAt}, the
 * records it covers since the signed head before ({@code fromSeq} exclusive to {@code seq}), the SHA-256 of those
 * records' fingerprints (the first {@value #FINGERPRINT_BYTES} bytes of each hash, in order), the id of the key and
 * the Ed25519 signature (Base64) over all of it. {@code number} is the table's id (null before it is stored); it is
 * not signed, since the database assigns it.
 */
public record SignedHead(Long number, long fromSeq, long seq, String hash, Instant anchoredAt,
		String fingerprintsSha256, String keyId, String signature) {

	/** Bytes of each record's hash kept to tell which record changed (2^-64 that a changed one still matches). */
	public static final int FINGERPRINT_BYTES = 8;

	private static final String FORMAT = "anjian-audit-anchor/1";

	/**
	 * What is signed: the format's name and each field as {@code <octet length>:<value>;}, as the records' hashes are
	 * built, so no two different heads share a text.
	 */
	public byte[] signedBytes() {
		StringBuilder text = new StringBuilder();
		for (String field : new String[] { FORMAT, Long.toString(fromSeq), Long.toString(seq), hash,
				Long.toString(AuditHash.epochMicros(anchoredAt)), fingerprintsSha256, keyId }) {
			text.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field).append(';');
		}
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The same head with its signature and the number the table gave it. */
	SignedHead signed(String signature) {
		return new SignedHead(number, fromSeq, seq, hash, anchoredAt, fingerprintsSha256, keyId, signature);
	}

	SignedHead numbered(long number) {
		return new SignedHead(number, fromSeq, seq, hash, anchoredAt, fingerprintsSha256, keyId, signature);
	}

	/** How many records it covers. */
	public long records() {
		return seq - fromSeq;
	}

	/** The fingerprint of a record's hash (lower-case hex). */
	static byte[] fingerprint(String hash) {
		return HexFormat.of().parseHex(hash, 0, 2 * FINGERPRINT_BYTES);
	}

	/** Whether the record's hash has the fingerprint at its place among a head's fingerprints. */
	static boolean matches(byte[] fingerprints, long index, String hash) {
		int from = Math.toIntExact(index * FINGERPRINT_BYTES);
		return from + FINGERPRINT_BYTES <= fingerprints.length
				&& Arrays.equals(fingerprints, from, from + FINGERPRINT_BYTES, fingerprint(hash), 0, FINGERPRINT_BYTES);
	}

	/** Collects the fingerprints of consecutive records. */
	static final class Fingerprints {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		void add(String hash) {
			bytes.writeBytes(fingerprint(hash));
		}

		byte[] toByteArray() {
			return bytes.toByteArray();
		}
	}
}
