package org.anjian.audit;

import java.time.Instant;

/**
 * The outcome of checking the whole audit chain: whether it is intact, how many records were read, and,
 * when it is not, the first record found broken and why, in a sentence an administrator can act on.
 *
 * @param intact whether every record is present, unchanged and linked to the one before, and every signed head holds
 * @param rowsChecked records read, up to and including the first broken one
 * @param firstBrokenSeq the seq of the first missing or altered record; null when intact (or when only the
 *        chain head itself, or a signed head, is missing or forged)
 * @param reason what was found, in Chinese
 * @param checkedAt when the check finished
 * @param anchorsChecked signed heads examined (ADR 0009)
 * @param anchoredSeq the last record a valid signed head vouches for; null when none does
 */
public record ChainVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, String reason,
		Instant checkedAt, int anchorsChecked, Long anchoredSeq) {

	public ChainVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, String reason, Instant checkedAt) {
		this(intact, rowsChecked, firstBrokenSeq, reason, checkedAt, 0, null);
	}
}
