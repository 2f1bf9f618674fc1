package org.anjian.audit;

import java.time.Instant;

/**
 * The outcome of checking the whole audit chain: whether it is intact, how many records were read, and,
 * when it is not, the first record found broken and why, in a sentence an administrator can act on.
 *
 * @param intact whether every record is present, unchanged and linked to the one before
 * @param rowsChecked records read, up to and including the first broken one
 * @param firstBrokenSeq the seq of the first missing or altered record; null when intact (or when only the
 *        chain head itself is missing)
 * @param reason what was found, in Chinese
 * @param checkedAt when the check finished
 */
public record ChainVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, String reason,
		Instant checkedAt) {
}
