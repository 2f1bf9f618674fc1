package org.anjian.planning;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why an enterprise is in a plan, as the plan's page, its summary, the message of its composition and the public
 * annual plan all count and label it, so that their numbers agree: a targeted item ({@link ItemKind#TARGETED}) is
 * counted by what made it — the grade's treatment (A 全量体检, B 重点抽查, C 主动帮扶) or a special campaign — never
 * as one "重点检查" here and another there.
 */
public enum ItemCategory {

	/** 督导式抽查: the city corps' supervisory spot check (in a district's plan, the district's share of it). */
	SPOT_CHECK("督导式抽查"),
	/** 重点单位检查: every key unit, once a year. */
	KEY_UNIT("重点单位检查"),
	/** A级全量体检: every A-grade enterprise. */
	FULL_CHECK("A级全量体检"),
	/** B级重点抽查: drawn from the B-grade enterprises. */
	SAMPLE("B级重点抽查"),
	/** C级主动帮扶: assistance visits drawn from the C-grade enterprises. */
	ASSISTANCE("C级主动帮扶"),
	/** 专项检查: planned by a special campaign of the plan (not already planned for another reason). */
	CAMPAIGN("专项检查"),
	/** 双随机一般检查: drawn from all that remain. */
	GENERAL("双随机一般检查");

	/** How a special campaign's own items name their purpose: 专项检查：有限空间作业专项. */
	public static final String CAMPAIGN_PURPOSE = "专项检查：";

	private final String label;

	ItemCategory(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** The category of an item by its kind, purpose and the grade it was planned by. */
	public static ItemCategory of(ItemKind kind, String purpose, String grade) {
		return switch (kind) {
			case SPOT_CHECK -> SPOT_CHECK;
			case KEY_UNIT -> KEY_UNIT;
			case GENERAL -> GENERAL;
			case TARGETED -> purpose != null && purpose.startsWith(CAMPAIGN_PURPOSE) ? CAMPAIGN
					: "B".equals(grade) ? SAMPLE : "C".equals(grade) ? ASSISTANCE : FULL_CHECK;
		};
	}

	public static ItemCategory of(PlanItem item) {
		return of(item.kind(), item.purpose(), item.grade());
	}

	/** A plan's items counted by category, every category listed (0 where none), in the page's order. */
	public static Map<ItemCategory, Integer> count(List<PlanItem> items) {
		Map<ItemCategory, Integer> counts = new EnumMap<>(ItemCategory.class);
		for (ItemCategory category : values()) {
			counts.put(category, 0);
		}
		items.forEach(i -> counts.merge(i.category(), 1, Integer::sum));
		return counts;
	}
}
