package org.anjian.audit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.anjian.audit.AuditEntry;
import org.anjian.audit.ChainVerification;
import org.junit.jupiter.api.Test;

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

		ChainVerification result = check(chain, null, null);

		assertThat(result.intact()).isFalse();
		assertThat(result.firstBrokenSeq()).isNull();
		assertThat(result.reason()).contains("链头");
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
