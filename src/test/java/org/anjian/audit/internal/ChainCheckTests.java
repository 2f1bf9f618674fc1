package org.anjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.anjian.audit.AuditEntry;
import org.anjian.audit.ChainVerification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain rules on records built in memory, each kind of damage on its own. */
class ChainCheckTests {

	private static final Instant AT = Instant.parse("2026-03-01T00:30:00.123456Z");

	@Test
	void soundChainIsIntactAndCountsEveryRecord() {
		List<AuditEntry> chain = chain(5);

		ChainVerification result = check(chain, 5L, chain.get(4).hash());

		assertThat(result.intact()).isTrue();
		assertThat(result.rowsChecked()).isEqualTo(5);
		assertThat(result.firstBrokenSeq()).isNull();
	}

	@Test
	void emptyChainWithFreshHeadIsIntact() {
		ChainVerification result = check(List.of(), 0L, AuditHash.GENESIS);

		assertThat(result.intact()).isTrue();
		assertThat(result.rowsChecked()).isZero();
	}

	@Test
	void editedContentIsNamedByItsSeq() {
		List<AuditEntry> chain = chain(5);
		AuditEntry third = chain.get(2);
		chain.set(2, new AuditEntry(third.seq(), third.occurredAt(), "mallory", third.bodyId(), third.districtCode(),
				third.streetCode(), third.entityType(), third.entityId(), third.action(), third.beforeState(),
				third.afterState(), third.prevHash(), third.hash()));

		ChainVerification result = check(chain, 5L, chain.get(4).hash());

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(3);
		assertThat(result.rowsChecked()).isEqualTo(3);
		assertThat(result.reason()).isEqualTo("第 3 条记录的内容与其哈希不符（记录被篡改）");
	}

	@Test
	void removedRecordIsNamedByTheMissingSeq() {
		List<AuditEntry> chain = chain(5);
		chain.remove(1);

		ChainVerification result = check(chain, 5L, chain.get(3).hash());

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(2);
		assertThat(result.reason()).startsWith("第 2 条记录缺失（记录被删除）");
	}

	@Test
	void rewrittenHashBreaksTheLinkToTheNextRecord() {
		List<AuditEntry> chain = chain(5);
		AuditEntry second = chain.get(1);
		String forged = AuditHash.of(second.seq(), second.prevHash(), second.occurredAt(), "mallory", second.bodyId(),
				second.districtCode(), second.streetCode(), second.entityType(), second.entityId(), second.action(),
				second.beforeState(), second.afterState());
		chain.set(1, new AuditEntry(second.seq(), second.occurredAt(), "mallory", second.bodyId(),
				second.districtCode(), second.streetCode(), second.entityType(), second.entityId(), second.action(),
				second.beforeState(), second.afterState(), second.prevHash(), forged));

		ChainVerification result = check(chain, 5L, chain.get(4).hash());

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(3);
		assertThat(result.reason()).contains("前一哈希与第 2 条记录的哈希不符");
	}

	@Test
	void recordsRemovedFromTheTailAreFoundThroughTheChainHead() {
		List<AuditEntry> chain = chain(5);
		String headHash = chain.get(4).hash();

		ChainVerification result = check(chain.subList(0, 3), 5L, headHash);

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(4);
		assertThat(result.reason()).startsWith("第 4 条至第 5 条记录缺失（链尾记录被删除）");
	}

	@Test
	void missingChainHeadIsReportedWithoutNamingARecord() {
		List<AuditEntry> chain = chain(2);

		ChainVerification result = check(chain, (Long) null, (String) null);

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isNull();
		assertThat(result.reason()).contains("链头");
	}

	@Test
	void recordsMatchingTheirSignedHeadsAreIntactAndVouchedFor() {
		List<AuditEntry> chain = chain(6);
		AnchorKey key = AnchorSigningTests.key(directory);
		Anchored anchors = new Anchored(key).sign(chain, 0, 2).sign(chain, 2, 5);

		ChainVerification result = check(chain, anchors, key);

		assertThat(result.intact()).as(result.reason()).isTrue();
		assertThat(result.anchorsChecked()).isEqualTo(2);
		assertThat(result.anchoredSeq()).isEqualTo(5);
		assertThat(result.reason()).startsWith("哈希链完整").contains("2 个签名链头的签名有效且与记录相符（至第 5 条记录）");
	}

	@Test
	void aRecordRewrittenWithEveryLaterHashRecomputedIsNamedThroughTheSignedHeads() {
		List<AuditEntry> chain = chain(8);
		AnchorKey key = AnchorSigningTests.key(directory);
		Anchored anchors = new Anchored(key).sign(chain, 0, 2).sign(chain, 2, 7);
		List<AuditEntry> rewritten = rewrite(chain, 4); // the fourth record's actor, and every hash from it on

		assertThat(check(rewritten, 8L, rewritten.get(7).hash()).intact()).as("the links alone hold").isTrue();
		ChainVerification result = check(rewritten, anchors, key);

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(4);
		assertThat(result.anchoredSeq()).isEqualTo(2);
		assertThat(result.reason()).startsWith("第 4 条记录与第 2 号签名链头").contains("在签名后被改写");
	}

	@Test
	void withoutFingerprintsTheRewriteIsPlacedBetweenTheSignedHeads() {
		List<AuditEntry> chain = chain(8);
		AnchorKey key = AnchorSigningTests.key(directory);
		Anchored anchors = new Anchored(key).sign(chain, 0, 2).sign(chain, 2, 7);
		anchors.fingerprints.put(2L, new byte[anchors.fingerprints.get(2L).length]); // changed: no longer the signed ones

		ChainVerification result = check(rewrite(chain, 4), anchors, key);

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(3);
		assertThat(result.reason()).startsWith("第 3 条至第 7 条记录中有记录在第 2 号签名链头").contains("逐条指纹被改动");
	}

	@Test
	void aForgedSignedHeadIsReportedAndVouchesForNothing() {
		List<AuditEntry> chain = chain(4);
		AnchorKey key = AnchorSigningTests.key(directory);
		Anchored anchors = new Anchored(key).sign(chain, 0, 4);
		SignedHead real = anchors.heads.get(0);
		anchors.heads.set(0, new SignedHead(real.number(), real.fromSeq(), real.seq(), real.hash(), real.anchoredAt(),
				real.fingerprintsSha256(), real.keyId(), java.util.Base64.getEncoder().encodeToString(new byte[64])));

		ChainVerification result = check(chain, anchors, key);

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isNull();
		assertThat(result.anchoredSeq()).isNull();
		assertThat(result.reason()).contains("第 1 号签名链头的签名无效（伪造或被改动）");
	}

	@Test
	void aRemovedSignedHeadIsReported() {
		List<AuditEntry> chain = chain(6);
		AnchorKey key = AnchorSigningTests.key(directory);
		Anchored anchors = new Anchored(key).sign(chain, 0, 2).sign(chain, 2, 4).sign(chain, 4, 6);
		anchors.heads.remove(1);

		ChainVerification result = check(chain, anchors, key);

		assertThat(result.intact()).isFalse();
		assertThat(result.reason()).contains("第 3 号签名链头之前缺少覆盖第 3 条至第 4 条记录的签名链头");
	}

	@Test
	void recordsRemovedAfterTheirHeadWasSignedAreFoundEvenWithTheChainHeadRewound() {
		List<AuditEntry> chain = chain(6);
		AnchorKey key = AnchorSigningTests.key(directory);
		Anchored anchors = new Anchored(key).sign(chain, 0, 6);

		ChainVerification result = check(chain.subList(0, 4), anchors, key, 4L, chain.get(3).hash());

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isEqualTo(5);
		assertThat(result.reason()).startsWith("第 5 条至第 6 条记录缺失");
	}

	@TempDir
	java.nio.file.Path directory;

	/** Signed heads in memory, signed as the application signs them. */
	private static final class Anchored implements AnchorSource {

		final AnchorKey key;
		final List<SignedHead> heads = new ArrayList<>();
		final java.util.Map<Long, byte[]> fingerprints = new java.util.HashMap<>();

		Anchored(AnchorKey key) {
			this.key = key;
		}

		Anchored sign(List<AuditEntry> chain, int from, int to) {
			SignedHead.Fingerprints prints = new SignedHead.Fingerprints();
			chain.subList(from, to).forEach(row -> prints.add(row.hash()));
			byte[] bytes = prints.toByteArray();
			long number = heads.size() + 1;
			heads.add(key.sign(new SignedHead(number, from, to, chain.get(to - 1).hash(), AT.plusSeconds(3600 * number),
					org.anjian.shared.Sha256.hex(bytes), key.verifier().keyId(), null)));
			fingerprints.put(number, bytes);
			return this;
		}

		@Override
		public List<SignedHead> heads() {
			return heads;
		}

		@Override
		public byte[] fingerprints(SignedHead head) {
			return fingerprints.get(head.number());
		}
	}

	/** The chain with one record's actor changed and every hash from it on recomputed, as a superuser could. */
	private static List<AuditEntry> rewrite(List<AuditEntry> chain, long seq) {
		List<AuditEntry> rows = new ArrayList<>();
		String previous = AuditHash.GENESIS;
		for (AuditEntry r : chain) {
			String actor = r.seq() == seq ? "mallory" : r.actor();
			String hash = AuditHash.of(r.seq(), previous, r.occurredAt(), actor, r.bodyId(), r.districtCode(),
					r.streetCode(), r.entityType(), r.entityId(), r.action(), r.beforeState(), r.afterState());
			rows.add(new AuditEntry(r.seq(), r.occurredAt(), actor, r.bodyId(), r.districtCode(), r.streetCode(),
					r.entityType(), r.entityId(), r.action(), r.beforeState(), r.afterState(), previous, hash));
			previous = hash;
		}
		return rows;
	}

	private static ChainVerification check(List<AuditEntry> rows, AnchorSource anchors, AnchorKey key) {
		return check(rows, anchors, key, (long) rows.size(), rows.get(rows.size() - 1).hash());
	}

	private static ChainVerification check(List<AuditEntry> rows, AnchorSource anchors, AnchorKey key, Long headSeq,
			String headHash) {
		ChainCheck check = new ChainCheck(headSeq, headHash, anchors, key.verifier());
		for (AuditEntry row : rows) {
			if (!check.accept(row)) {
				break;
			}
		}
		return check.result(AT);
	}

	private static ChainVerification check(List<AuditEntry> rows, Long headSeq, String headHash) {
		ChainCheck check = new ChainCheck(headSeq, headHash);
		for (AuditEntry row : rows) {
			if (!check.accept(row)) {
				break;
			}
		}
		return check.result(AT);
	}

	private static List<AuditEntry> chain(int length) {
		List<AuditEntry> rows = new ArrayList<>();
		String previous = AuditHash.GENESIS;
		for (long seq = 1; seq <= length; seq++) {
			Instant at = AT.plusSeconds(seq);
			String after = "{\"id\": " + seq + ", \"name\": \"执法大队" + seq + "\"}";
			String hash = AuditHash.of(seq, previous, at, "张三", "7", "310104", null, "enforcement_body",
					Long.toString(seq), "insert", null, after);
			rows.add(new AuditEntry(seq, at, "张三", "7", "310104", null, "enforcement_body", Long.toString(seq),
					"insert", null, after, previous, hash));
			previous = hash;
		}
		return rows;
	}
}
