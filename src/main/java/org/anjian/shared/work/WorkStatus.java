package org.anjian.shared.work;

import java.util.Set;

/**
 * Where a background run stands:
 *
 * <pre>
 * RUNNING ──► DONE
 *    └──────► FAILED   (refused, broken, or its instance died)
 * </pre>
 */
public enum WorkStatus {

	DONE("已完成"), FAILED("未完成"), RUNNING("进行中", DONE, FAILED);

	private final String label;
	private final Set<WorkStatus> next;

	WorkStatus(String label, WorkStatus... next) {
		this.label = label;
		this.next = Set.of(next);
	}

	public String label() {
		return label;
	}

	public boolean allows(WorkStatus target) {
		return next.contains(target);
	}
}
