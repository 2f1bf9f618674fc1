package org.anjian.planning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An item is counted by what planned it: a campaign's own item as 专项检查, a targeted one by its grade's treatment. */
class ItemCategoryTests {

	@Test
	void aCampaignsOwnItemIsACampaignItemWhateverTheEnterprisesGrade() {
		assertThat(ItemCategory.of(ItemKind.TARGETED, "专项检查：有限空间专项", "C")).isEqualTo(ItemCategory.CAMPAIGN);
	}

	@Test
	void aTargetedItemIsCountedByItsGradesTreatment() {
		assertThat(ItemCategory.of(ItemKind.TARGETED, "A级全量体检", "A")).isEqualTo(ItemCategory.FULL_CHECK);
		assertThat(ItemCategory.of(ItemKind.TARGETED, "B级重点抽查", "B")).isEqualTo(ItemCategory.SAMPLE);
		assertThat(ItemCategory.of(ItemKind.TARGETED, "C级主动帮扶", "C")).isEqualTo(ItemCategory.ASSISTANCE);
	}

	@Test
	void theOtherKindsKeepTheirOwnCategory() {
		assertThat(ItemCategory.of(ItemKind.KEY_UNIT, "重点单位检查（每年一次）", "C")).isEqualTo(ItemCategory.KEY_UNIT);
		assertThat(ItemCategory.of(ItemKind.GENERAL, "双随机一般检查", null)).isEqualTo(ItemCategory.GENERAL);
		assertThat(ItemCategory.of(ItemKind.SPOT_CHECK, "市执法总队督导式抽查", "B")).isEqualTo(ItemCategory.SPOT_CHECK);
	}
}
