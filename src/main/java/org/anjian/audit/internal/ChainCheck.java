package org.anjian.audit.internal;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.anjian.audit.AuditEntry;
import org.anjian.audit.ChainVerification;
import org.anjian.shared.Sha256;
import org.anjian.shared.Zone;

/**
 * Walks the audit records in seq order and stops at the first one that breaks the chain, so that the
 * records can be streamed in batches and never held in memory all at once. A record is sound when its seq
 * follows the previous one without a gap (from 1), its prev_hash is the previous record's stored hash (64
 * zeros for the first), and its own content still hashes to its stored hash. At the end the last record
 * must be the one the chain head names, which is how removing records from the tail is noticed.
 *
 * <p>With signed heads (ADR 0009), a record must also still have the fingerprint the signed head covering it kept,
 * and the record a signed head names must still have its hash: so a record rewritten with every later hash
 * recomputed, which the links alone cannot tell, is named. A signed head whose signature does not hold, or whose
 * fingerprints were changed, or a missing one (a gap between the records two signed heads cover), is reported too;
 * it vouches for nothing.
 */
public final class ChainCheck {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Zone.SHANGHAI);

	private final Long headSeq;
	private final String headHash;
	private final AnchorSource source;
	/** The signed heads whose signature holds, in seq order; {@code next} is the first not yet passed. */
	private final List<SignedHead> anchors = new ArrayList<>();
	private final List<String> anchorProblems = new ArrayList<>();
	private final int anchorsExamined;
	private int next;
	private byte[] fingerprints;
	private long nextSeq = 1;
	private String previousHash = AuditHash.GENESIS;
	private long rowsChecked;
	private Long brokenSeq;
	private String brokenReason;
	private Long anchoredSeq;

	/**
	 * @param headSeq the chain head's last seq, read before the records; null when the head is missing
	 * @param headHash the chain head's last hash
	 */
	public ChainCheck(Long headSeq, String headHash) {
		this(headSeq, headHash, AnchorSource.NONE, null);
	}

	/**
	 * @param source the signed heads, read before the chain head (so none names a record not yet read)
	 * @param verifier the public key their signatures must hold under
	 */
	public ChainCheck(Long headSeq, String headHash, AnchorSource source, AnchorVerifier verifier) {
		this.headSeq = headSeq;
		this.headHash = headHash;
		this.source = source;
		List<SignedHead> heads = source.heads();
		this.anchorsExamined = heads.size();
		SignedHead previous = null;
		for (SignedHead head : heads.stream().sorted(Comparator.comparingLong(SignedHead::seq)
			.thenComparing(h -> h.number() == null ? 0 : h.number())).toList()) {
			if (!verifier.verifies(head)) {
				anchorProblems.add(verifier.keyId().equals(head.keyId())
						? "第 " + head.number() + " 号签名链头的签名无效（伪造或被改动），不能作为核验依据"
						: "第 " + head.number() + " 号签名链头由另一把密钥（" + abbreviated(head.keyId()) + "）签名，与所配置的公钥不符");
				continue;
			}
			long expectedFrom = previous == null ? 0 : previous.seq();
			if (head.fromSeq() != expectedFrom) {
				anchorProblems.add("第 " + head.number() + " 号签名链头之前缺少覆盖第 " + (expectedFrom + 1) + " 条至第 "
						+ head.fromSeq() + " 条记录的签名链头（被删除）");
			}
			anchors.add(head);
			previous = head;
		}
		passHeadsAt(0, AuditHash.GENESIS);
	}

	/**
	 * Checks only the records after one already vouched for (the last signed head's), before the head is signed again:
	 * they must follow it, link and hash soundly up to the chain head.
	 */
	static ChainCheck continuing(long afterSeq, String afterHash, long headSeq, String headHash) {
		ChainCheck check = new ChainCheck(headSeq, headHash);
		check.nextSeq = afterSeq + 1;
		check.previousHash = afterHash;
		return check;
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
		if (!matchesItsSignedHead(row)) {
			return false;
		}
		nextSeq = row.seq() + 1;
		previousHash = row.hash();
		return passHeadsAt(row.seq(), row.hash());
	}

	/** The verdict once every record up to the chain head has been offered (or the chain was found broken). */
	public ChainVerification result(Instant checkedAt) {
		if (brokenReason == null) {
			long last = nextSeq - 1;
			if (next < anchors.size()) {
				SignedHead beyond = anchors.get(next);
				brokenSeq = last + 1;
				brokenReason = "第 " + (last + 1) + " 条至第 " + beyond.seq() + " 条记录缺失（记录被删除，链头被改回）：第 "
						+ beyond.number() + " 号签名链头（" + TIME.format(beyond.anchoredAt()) + " 签名）记载共有 "
						+ beyond.seq() + " 条记录";
			}
			else if (headSeq == null) {
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
		if (brokenReason == null && anchorProblems.isEmpty()) {
			return new ChainVerification(true, rowsChecked, null, "哈希链完整：已逐条核验 " + rowsChecked
					+ " 条记录，未发现篡改、删除或断链" + anchorSummary(), checkedAt, anchorsExamined, anchoredSeq);
		}
		List<String> findings = new ArrayList<>();
		if (brokenReason != null) {
			findings.add(brokenReason);
		}
		findings.addAll(anchorProblems);
		return new ChainVerification(false, rowsChecked, brokenSeq, String.join("；", findings), checkedAt,
				anchorsExamined, anchoredSeq);
	}

	private String anchorSummary() {
		if (anchorsExamined == 0) {
			return "；尚无签名链头";
		}
		return "；" + anchorsExamined + " 个签名链头的签名有效且与记录相符"
				+ (anchoredSeq == null ? "" : "（至第 " + anchoredSeq + " 条记录）");
	}

	/**
	 * Whether the record has the fingerprint the signed head covering it kept. A record rewritten after the head was
	 * signed, with every later hash recomputed, is sound by the links alone: this is where it is named.
	 */
	private boolean matchesItsSignedHead(AuditEntry row) {
		if (next >= anchors.size()) {
			return true; // after the last signed head: nothing outside the database vouches for it yet
		}
		SignedHead head = anchors.get(next);
		if (row.seq() <= head.fromSeq()) {
			return true; // in a gap left by a removed signed head (reported already)
		}
		if (fingerprints == null) {
			byte[] stored = source.fingerprints(head);
			fingerprints = stored != null && Sha256.hex(stored).equals(head.fingerprintsSha256()) ? stored : new byte[0];
			if (fingerprints.length == 0 && head.records() > 0) {
				anchorProblems.add("第 " + head.number() + " 号签名链头所存的逐条指纹被改动，只能按链头核验");
			}
		}
		if (fingerprints.length == 0 || SignedHead.matches(fingerprints, row.seq() - head.fromSeq() - 1, row.hash())) {
			return true;
		}
		return broken(row.seq(), "第 " + row.seq() + " 条记录与第 " + head.number() + " 号签名链头（"
				+ TIME.format(head.anchoredAt()) + " 签名）所记载的不符：该记录在签名后被改写，其后各条记录的哈希被重新计算");
	}

	/** Compares the signed heads that end at this record with its hash, and moves past them. */
	private boolean passHeadsAt(long seq, String hash) {
		while (next < anchors.size() && anchors.get(next).seq() == seq) {
			SignedHead head = anchors.get(next);
			if (!head.hash().equals(hash)) {
				long first = head.fromSeq() + 1;
				return broken(Math.min(first, Math.max(seq, 1)), (first >= seq ? "第 " + seq + " 条记录"
						: "第 " + first + " 条至第 " + seq + " 条记录中有记录") + "在第 " + head.number() + " 号签名链头（"
						+ TIME.format(head.anchoredAt()) + " 签名）之后被改写：第 " + seq + " 条记录的哈希与签名链头记载的不符");
			}
			anchoredSeq = seq;
			next++;
			fingerprints = null;
		}
		return true;
	}

	private boolean broken(long seq, String reason) {
		brokenSeq = seq;
		brokenReason = reason;
		return false;
	}

	private static String abbreviated(String keyId) {
		return keyId == null ? "未知" : keyId.substring(0, Math.min(16, keyId.length()));
	}
}
