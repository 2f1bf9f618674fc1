package org.anjian.hazard;

import java.util.Set;

/**
 * Where a hazard stands.
 *
 * <pre>
 *   FOUND (已发现) ──order rectification (deadline)──▶ RECTIFYING (整改中) ──submit evidence──▶ SUBMITTED (待复查)
 *                                                        ▲                                        │
 *                                                        └──re-inspection failed (new deadline)───┤
 *                                                                                                 │
 *                                                          VERIFIED (已销号) ◀──re-inspection passed─┘
 * </pre>
 */
public enum HazardStatus {

	FOUND("已发现"), RECTIFYING("整改中"), SUBMITTED("待复查"), VERIFIED("已销号");

	private final String label;

	HazardStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public Set<HazardStatus> next() {
		switch (this) {
			case FOUND:
				return Set.of(RECTIFYING);
			case RECTIFYING:
				return Set.of(SUBMITTED);
			case SUBMITTED:
				return Set.of(VERIFIED, RECTIFYING);
			default:
				return Set.of();
		}
	}

	public boolean allows(HazardStatus target) {
		return next().contains(target);
	}
}
