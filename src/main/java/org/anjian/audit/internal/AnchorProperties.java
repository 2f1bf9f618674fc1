package org.anjian.audit.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The signed heads of the audit chain ({@code anjian.audit.anchor.*}; ADR 0009).
 *
 * @param key the Ed25519 private key, a PEM file in PKCS#8 ({@code ANJIAN_AUDIT_ANCHOR_KEY}); empty: generated into
 *        the data directory with the embedded database or in demo mode, refused otherwise
 * @param publicKey its public key, a PEM file (X.509 SubjectPublicKeyInfo); empty: the key's path with {@code .pub}
 * @param file the JSON lines file each signed head is appended to (empty: {@code audit-anchors.jsonl} in the data
 *        directory)
 * @param schedule when the job signs the head, as db-scheduler reads it
 * @param pageSize signed heads per page of the public list
 */
@ConfigurationProperties("anjian.audit.anchor")
public record AnchorProperties(String key, String publicKey, String file, String schedule, int pageSize) {

	public AnchorProperties {
		key = blankToNull(key);
		publicKey = blankToNull(publicKey);
		file = blankToNull(file);
		schedule = schedule == null || schedule.isBlank() ? "DAILY|00:10|Asia/Shanghai" : schedule;
		pageSize = pageSize <= 0 ? 31 : pageSize;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
