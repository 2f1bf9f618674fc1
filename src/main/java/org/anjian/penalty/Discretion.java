package org.anjian.penalty;

import java.util.List;

/**
 * What the discretion benchmark proposes for one violation: the statutory range (narrowed to the consequence band for
 * an accident), the 裁量阶次 and its range, the amount, and the reasons in order (the grounds considered first, the
 * band, each dimension). {@code noPenalty} means a ground of art. 33 holds and no fine is proposed;
 * {@code hearingRequired} that the proposed amount is 较大数额.
 */
public record Discretion(CatalogueEntry entry, long statutoryMin, long statutoryMax, Band band, long bandMin,
		long bandMax, long proposed, List<String> reasons, boolean noPenalty, boolean hearingRequired) {
}
