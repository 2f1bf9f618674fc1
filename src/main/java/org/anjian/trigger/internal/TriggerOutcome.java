package org.anjian.trigger.internal;

/** What a trigger led to. */
public enum TriggerOutcome {

	OPENED("开立触发式检查任务"), MERGED("归并至计划检查"), ATTACHED("并入已开立的检查任务");

	private final String label;

	TriggerOutcome(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
