package org.anjian.planning;

/** Why an enterprise is in a plan. */
public enum ItemKind {
	/** 重点单位检查: every key unit of the body, once a year. */
	KEY_UNIT("重点单位检查"),
	/** 重点抽查 / 全量体检 / 主动帮扶: by the enterprise's risk grade. */
	TARGETED("重点检查"),
	/** 一般检查: drawn double-random from the remaining enterprises. */
	GENERAL("双随机一般检查"),
	/** 督导式抽查: the city corps' supervisory spot check of a district unit, done jointly with the district. */
	SPOT_CHECK("督导式抽查");

	private final String label;

	ItemKind(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
