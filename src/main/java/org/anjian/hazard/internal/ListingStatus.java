package org.anjian.hazard.internal;

import java.util.Set;

/**
 * Where a listing for supervision (挂牌督办) stands.
 *
 * <pre>
 *   LISTED (督办中) ──delist, once the hazard is verified (摘牌)──▶ DELISTED (已摘牌)
 *     └─ progress reports (整改进展) are added only while LISTED
 * </pre>
 */
public enum ListingStatus {

	LISTED("督办中"), DELISTED("已摘牌");

	private final String label;

	ListingStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public Set<ListingStatus> next() {
		switch (this) {
			case LISTED:
				return Set.of(DELISTED);
			default:
				return Set.of();
		}
	}

	public boolean allows(ListingStatus target) {
		return next().contains(target);
	}
}
