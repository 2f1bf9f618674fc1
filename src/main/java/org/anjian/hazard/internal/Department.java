package org.anjian.hazard.internal;

/** The departments a hazard is notified to (抄告) when part of it lies within their duties. */
public enum Department {

	FIRE("消防救援机构"), HOUSING("住房城乡建设管理部门"), MARKET("市场监管部门"), OTHER("其他部门");

	private final String label;

	Department(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
