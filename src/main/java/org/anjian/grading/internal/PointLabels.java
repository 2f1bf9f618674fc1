package org.anjian.grading.internal;

import java.util.Map;

import org.anjian.grading.FactKind;

/** Chinese names of the items of a breakdown, for the portrait and the policy pages. */
public final class PointLabels {

	private static final Map<String, String> ITEMS = Map.ofEntries(Map.entry("SECTOR:HAZCHEM", "行业领域：危险化学品"),
			Map.entry("SECTOR:INDUSTRY_TRADE", "行业领域：工贸"), Map.entry("TAG:DUST_EXPLOSION", "风险标签：粉尘涉爆"),
			Map.entry("TAG:AMMONIA_REFRIGERATION", "风险标签：涉氨制冷"), Map.entry("TAG:CONFINED_SPACE", "风险标签：有限空间"),
			Map.entry("TAG:MOLTEN_METAL", "风险标签：高温熔融"), Map.entry("TAG:HAZARDOUS_PROCESS", "风险标签：危险化工工艺"),
			Map.entry("TAG:MAJOR_HAZARD_INSTALLATION", "风险标签：重大危险源"), Map.entry("MAJOR_HAZARD_LEVEL:1", "一级重大危险源"),
			Map.entry("MAJOR_HAZARD_LEVEL:2", "二级重大危险源"), Map.entry("MAJOR_HAZARD_LEVEL:3", "三级重大危险源"),
			Map.entry("MAJOR_HAZARD_LEVEL:4", "四级重大危险源"), Map.entry("STANDARDIZATION:LEVEL_1", "安全生产标准化一级"),
			Map.entry("STANDARDIZATION:LEVEL_2", "安全生产标准化二级"), Map.entry("STANDARDIZATION:LEVEL_3", "安全生产标准化三级"),
			Map.entry("INSURANCE", "已投保安全生产责任保险"), Map.entry("ACCIDENT_LEVEL:GENERAL", "一般事故基础分"),
			Map.entry("ACCIDENT_LEVEL:LARGER", "较大事故基础分"), Map.entry("ACCIDENT_LEVEL:MAJOR", "重大事故基础分"),
			Map.entry("ACCIDENT_LEVEL:ESPECIALLY_MAJOR", "特别重大事故基础分"));

	private PointLabels() {
	}

	/** The name of a policy item or breakdown line; a fact line is named by the fact itself. */
	public static String of(String item) {
		if (item.startsWith("CAP:")) {
			return FactKind.valueOf(item.substring(4)).label() + "计分超过上限，按上限计";
		}
		if (item.startsWith("FACT:")) {
			return FactKind.valueOf(item.substring(5)).label();
		}
		return ITEMS.getOrDefault(item, item);
	}

	/** The group a line belongs to on the portrait: inherent risk, positive traits, or the kind of fact. */
	public static String group(String item) {
		if (item.startsWith("FACT:") || item.startsWith("CAP:")) {
			return FactKind.valueOf(item.substring(item.indexOf(':') + 1)).label();
		}
		if (item.startsWith("STANDARDIZATION:") || item.equals("INSURANCE")) {
			return "正向因素";
		}
		return "固有风险";
	}
}
