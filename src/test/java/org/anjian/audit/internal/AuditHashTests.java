package org.anjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/**
 * The Java hash must equal what PostgreSQL's {@code anjian_audit_hash} computes, or every record would look
 * tampered with. The expected values were computed once by that function for the same inputs
 * ({@code select anjian_audit_hash(...)}); {@code AuditTrailTests} checks the two against each other live.
 */
class AuditHashTests {

	@Test
	void firstRecordWithChineseJsonAndNullsHashesAsPostgresDoes() {
		String hash = AuditHash.of(1, AuditHash.GENESIS, Instant.parse("2026-03-01T00:30:00.123456Z"),
				"system:migration", null, null, null, "jurisdiction", "310000", "insert", null,
				"{\"code\": \"310000\", \"name\": \"上海市\"}");

		assertThat(hash).isEqualTo("b3eec5633cabd64cd91366a0581d251298a974adf5e884dc6da63e4f23898f9f");
	}

	@Test
	void businessActionAndMultiByteTextHashAsPostgresDoes() {
		String hash = AuditHash.of(42, "ab", Instant.parse("2026-03-01T00:30:00Z"), "张三", "17", "310104",
				"310104003", "enforcement_body", "9", "确认整改完成", "{\"a\": null}", "{\"a\": \"浦东新区 — ✓\"}");

		assertThat(hash).isEqualTo("03a6817b5419419535e7be59f9576211dc72e1c25d1b700b9b5c7e218f1dabc2");
	}

	@Test
	void emptyTextDashAndNullAreDistinguishedAsPostgresDoes() {
		String hash = AuditHash.of(7, "-", Instant.parse("1999-12-31T23:59:59.999999Z"), "", "", "-", "",
				"t", null, "delete", "{}", null);

		assertThat(hash).isEqualTo("b4b615edf3475a75225e1044f629a253d0840bc9a0aa8d68567ec3f9a16dcea1");
	}

	@Test
	void movingTextBetweenNeighbouringFieldsChangesTheHash() {
		Instant at = Instant.parse("2026-03-01T00:30:00Z");
		String original = AuditHash.of(5, AuditHash.GENESIS, at, "ab", "c", null, null, "t", "1", "insert", null, "{}");
		String shifted = AuditHash.of(5, AuditHash.GENESIS, at, "a", "bc", null, null, "t", "1", "insert", null, "{}");

		assertThat(shifted).isNotEqualTo(original);
	}

	@Test
	void timeCountsInMicrosecondsSinceTheEpoch() {
		assertThat(AuditHash.epochMicros(Instant.parse("1970-01-01T00:00:01.000002Z"))).isEqualTo(1_000_002L);
		assertThat(AuditHash.epochMicros(Instant.parse("2026-03-01T00:30:00.123456Z"))).isEqualTo(1_772_325_000_123_456L);
	}
}
