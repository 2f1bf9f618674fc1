package org.anjian.penalty;

/** Whom a fine is imposed on. */
public enum Party {

	/** 生产经营单位（或机构） */
	UNIT("单位"),
	/** 主要负责人、直接负责的主管人员和其他直接责任人员，个人经营的投资人 */
	RESPONSIBLE_PERSON("责任人员");

	private final String label;

	Party(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
