package org.anjian.inspection;

import java.util.Set;

/**
 * Where an inspection task stands.
 *
 * <pre>
 *   OPEN (待检查) ──submit plan──▶ PLAN_SUBMITTED (方案待批准) ──approve (LEADER)──▶ PLAN_APPROVED (方案已批准)
 *     ▲                                │                                              │
 *     └────────return plan─────────────┘                                   first item recorded
 *                                                                                     ▼
 *                                                  FINISHED (已完成) ◀──finish── IN_PROGRESS (检查中)
 *   OPEN, PLAN_SUBMITTED, PLAN_APPROVED ──cancel (with a reason)──▶ CANCELLED (已取消)
 * </pre>
 */
public enum InspectionStatus {

	OPEN("待检查"), PLAN_SUBMITTED("检查方案待批准"), PLAN_APPROVED("检查方案已批准"), IN_PROGRESS("检查中"),
	FINISHED("已完成"), CANCELLED("已取消");

	private final String label;

	InspectionStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public Set<InspectionStatus> next() {
		switch (this) {
			case OPEN:
				return Set.of(PLAN_SUBMITTED, CANCELLED);
			case PLAN_SUBMITTED:
				return Set.of(PLAN_APPROVED, OPEN, CANCELLED);
			case PLAN_APPROVED:
				return Set.of(IN_PROGRESS, CANCELLED);
			case IN_PROGRESS:
				return Set.of(FINISHED);
			default:
				return Set.of();
		}
	}

	public boolean allows(InspectionStatus target) {
		return next().contains(target);
	}
}
