package org.anjian.planning;

import java.util.Set;

/**
 * Where an annual plan stands.
 *
 * <pre>
 *   DRAFT (草稿) ──submit──▶ SUBMITTED (已提交) ──approve (LEADER)──▶ APPROVED (已批准) ──publish──▶ PUBLISHED (已发布)
 *     ▲                          │
 *     └──────return to draft─────┘
 * </pre>
 *
 * A published plan is final as a state; it changes afterwards only by amendments with a recorded reason.
 */
public enum PlanStatus {

	DRAFT("草稿"), SUBMITTED("已提交"), APPROVED("已批准"), PUBLISHED("已发布");

	private final String label;

	PlanStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public Set<PlanStatus> next() {
		switch (this) {
			case DRAFT:
				return Set.of(SUBMITTED);
			case SUBMITTED:
				return Set.of(APPROVED, DRAFT);
			case APPROVED:
				return Set.of(PUBLISHED);
			default:
				return Set.of();
		}
	}

	public boolean allows(PlanStatus target) {
		return next().contains(target);
	}
}
