package org.anjian.planning.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The matters to inspect (执法事项) of a planned inspection, from the enterprise's sector and risk tags: the
 * matters every inspection covers, then those of the sector, then one per risk tag, in a fixed order.
 */
public final class Matters {

	private Matters() {
	}

	public static List<String> of(String sector, Set<String> riskTags) {
		List<String> matters = new ArrayList<>(List.of("安全生产责任制落实", "安全生产教育培训", "隐患排查治理"));
		if ("HAZCHEM".equals(sector)) {
			matters.add("危险化学品储存使用安全管理");
		}
		else {
			matters.add("工贸企业设备设施安全管理");
		}
		addIf(matters, riskTags, "DUST_EXPLOSION", "粉尘防爆安全");
		addIf(matters, riskTags, "AMMONIA_REFRIGERATION", "涉氨制冷安全");
		addIf(matters, riskTags, "CONFINED_SPACE", "有限空间作业安全");
		addIf(matters, riskTags, "MOLTEN_METAL", "高温熔融金属作业安全");
		addIf(matters, riskTags, "MAJOR_HAZARD_INSTALLATION", "重大危险源管控");
		addIf(matters, riskTags, "HAZARDOUS_PROCESS", "危险化工工艺安全");
		return matters;
	}

	private static void addIf(List<String> matters, Set<String> tags, String tag, String matter) {
		if (tags.contains(tag)) {
			matters.add(matter);
		}
	}
}
