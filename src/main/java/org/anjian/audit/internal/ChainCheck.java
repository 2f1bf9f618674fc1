package org.anjian.audit.internal;

import java.time.Instant;

import org.anjian.audit.AuditEntry;
import org.anjian.audit.ChainVerification;

/**
 * Walks the audit records in seq order and stops at the first one that breaks the chain, so that the
 * records can be streamed in batches and never held in memory all at once. A record is sound when its seq
 * follows the previous one without a gap (from 1), its prev_hash is the previous record's stored hash (64
 * zeros for the first), and its own content still hashes to its stored hash. At the end the last record
 * must be the one the chain head names, which is how removing records from the tail is noticed.
 */
public final class ChainCheck {

	private final Long headSeq;
	private final String headHash;
	private long nextSeq = 1;
	private String previousHash = AuditHash.GENESIS;
	private long rowsChecked;
	private Long brokenSeq;
	private String brokenReason;

	/**
	 * @param headSeq the chain head's last seq, read before the records; null when the head is missing
	 * @param headHash the chain head's last hash
	 */
	public ChainCheck(Long headSeq, String headHash) {
		this.headSeq = headSeq;
		this.headHash = headHash;
	}

	/** Checks the next record; returns false once the chain is found broken (later records are not needed). */
	public boolean accept(AuditEntry row) {
		if (brokenReason != null) {
			return false;
		}
		rowsChecked++;
		if (row.seq() != nextSeq) {
			String missing = row.seq() - 1 == nextSeq ? "第 " + nextSeq + " 条记录缺失"
					: "第 " + nextSeq + " 条至第 " + (row.seq() - 1) + " 条记录缺失";
			return broken(nextSeq, missing + "（记录被删除）：第 " + row.seq() + " 条记录之前的链条断开");
		}
		if (!row.prevHash().equals(previousHash)) {
			return broken(row.seq(), row.seq() == 1 ? "第 1 条记录的前一哈希不是链首的 64 个 0（链首被改写）"
					: "第 " + row.seq() + " 条记录记载的前一哈希与第 " + (row.seq() - 1)
							+ " 条记录的哈希不符（链条断开，这两条记录之一被篡改）");
		}
		String recomputed = AuditHash.of(row.seq(), row.prevHash(), row.occurredAt(), row.actor(), row.bodyId(),
				row.districtCode(), row.streetCode(), row.entityType(), row.entityId(), row.action(),
				row.beforeState(), row.afterState());
		if (!recomputed.equals(row.hash())) {
			return broken(row.seq(), "第 " + row.seq() + " 条记录的内容与其哈希不符（记录被篡改）");
		}
		nextSeq = row.seq() + 1;
		previousHash = row.hash();
		return true;
	}

	/** The verdict once every record up to the chain head has been offered (or the chain was found broken). */
	public ChainVerification result(Instant checkedAt) {
		if (brokenReason == null) {
			long last = nextSeq - 1;
			if (headSeq == null) {
				brokenReason = "链头（audit_chain_head）缺失，无法确认最后的记录未被删除";
			}
			else if (last < headSeq) {
				brokenSeq = last + 1;
				brokenReason = (last + 1 == headSeq ? "第 " + headSeq + " 条记录缺失"
						: "第 " + (last + 1) + " 条至第 " + headSeq + " 条记录缺失")
						+ "（链尾记录被删除）：链头记载共有 " + headSeq + " 条记录";
			}
			else if (!previousHash.equals(headHash)) {
				brokenSeq = last;
				brokenReason = "第 " + last + " 条记录的哈希与链头记载的不符（链尾被改写）";
			}
		}
		if (brokenReason != null) {
			return new ChainVerification(false, rowsChecked, brokenSeq, brokenReason, checkedAt);
		}
		return new ChainVerification(true, rowsChecked, null, "哈希链完整：已逐条核验 " + rowsChecked + " 条记录，未发现篡改、删除或断链",
				checkedAt);
	}

	private boolean broken(long seq, String reason) {
		brokenSeq = seq;
		brokenReason = reason;
		return false;
	}
}
