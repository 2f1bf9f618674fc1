package org.anjian.audit;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AuditLabels finds each module's enum of actions on the class path and refuses a code two enums claim. */
class AuditLabelsTests {

	@Test
	void findsTheLabelsOfAnEnumOfActions() {
		Map<String, String> found = AuditLabels.scan("fixtures.audit.labelled");

		assertThat(found).containsExactlyInAnyOrderEntriesOf(Map.of("parcel.send", "寄出包裹", "parcel.return", "退回包裹"));
	}

	@Test
	void labelsPlainWritesAndShowsAnUnknownCodeAsRecorded() {
		AuditLabels labels = new AuditLabels(AuditLabels.scan("fixtures.audit.labelled"));

		assertThat(labels.label("parcel.return")).isEqualTo("退回包裹");
		assertThat(labels.label("update")).isEqualTo("修改");
		assertThat(labels.of("parcel.lost")).isEmpty();
		assertThat(labels.label("parcel.lost")).isEqualTo("parcel.lost");
	}

	@Test
	void namesATableAndAddressesTheRecordedRowsPageFromItsIdAndColumns() {
		AuditLabels labels = new AuditLabels(Map.of(), AuditLabels.scanTables("fixtures.audit.labelled"));

		assertThat(labels.entityLabel("parcel")).isEqualTo("包裹");
		assertThat(labels.entityLabel("parcel_route")).as("an unknown table, as recorded").isEqualTo("parcel_route");
		assertThat(labels.page("parcel", "17", column -> "depot_code".equals(column) ? "沪 A/1" : null))
			.contains("/parcels/17/depots/%E6%B2%AA%20A%2F1");
		assertThat(labels.page("parcel", "17", column -> null)).as("a column the row lacks").isEmpty();
		assertThat(labels.page("parcel_scan", "3", column -> "x")).as("a table without a page").isEmpty();
	}

	@Test
	void refusesACodeListedTwice() {
		assertThatThrownBy(() -> AuditLabels.scan("fixtures.audit.twice")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("parcel.send")
			.hasMessageContaining("twice");
	}
}
