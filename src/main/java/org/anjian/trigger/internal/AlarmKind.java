package org.anjian.trigger.internal;

/** What a monitoring system alarmed about, in the regulators' words, with the inspection matter it concerns. */
public enum AlarmKind {

	DUST_CONCENTRATION("粉尘浓度超限", "粉尘防爆安全"),
	COMBUSTIBLE_GAS("可燃气体浓度超限", "危险化学品安全"),
	TOXIC_GAS("有毒气体浓度超限", "危险化学品安全"),
	TEMPERATURE("温度超限", "工艺安全与设备设施"),
	PRESSURE("压力超限", "工艺安全与设备设施"),
	LIQUID_LEVEL("液位超限", "危险化学品储存安全"),
	AMMONIA_LEAK("氨泄漏", "涉氨制冷安全");

	private final String label;
	private final String matter;

	AlarmKind(String label, String matter) {
		this.label = label;
		this.matter = matter;
	}

	public String label() {
		return label;
	}

	/** The inspection matter (执法事项) a triggered task about this kind of alarm carries. */
	public String matter() {
		return matter;
	}
}
