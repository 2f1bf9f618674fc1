package org.anjian.organization;

import java.util.EnumSet;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfficerTests {

	private final EnforcementBody putuo = new EnforcementBody(6L, "普陀区应急管理局执法大队", JurisdictionLevel.DISTRICT, "310107",
			"310107", null, 0);

	private final EnforcementBody changzheng = new EnforcementBody(40L, "普陀区长征镇安全生产执法队", JurisdictionLevel.STREET,
			"310107102", "310107", "310107102", 0);

	@Test
	void appointedOfficerActsInTheBodysJurisdiction() {
		Officer officer = Officer.appoint("刘洋", "31010700201", putuo, "13800138000", EnumSet.of(Certification.LEAD_INSPECTOR));
		assertThat(officer.districtCode()).isEqualTo("310107");
		assertThat(officer.streetCode()).isNull();
		assertThat(officer.isLeadInspector()).isTrue();
	}

	@Test
	void transferMovesOfficerToTheNewJurisdiction() {
		Officer officer = Officer.appoint("何晨", "31010710201", putuo, null, null);
		officer.transferTo(changzheng);
		assertThat(officer.bodyId()).isEqualTo(40L);
		assertThat(officer.streetCode()).isEqualTo("310107102");
	}

	@Test
	void badgeNumberIsNormalisedToUpperCase() {
		assertThat(Officer.appoint("张伟", "sh310000x1", putuo, null, null).badgeNumber()).isEqualTo("SH310000X1");
	}

	@Test
	void rejectsMalformedBadgeNumberNamingTheField() {
		assertThatThrownBy(() -> Officer.appoint("张伟", "12-3", putuo, null, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("执法证号")
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("badgeNumber");
	}

	@Test
	void rejectsMalformedPhone() {
		assertThatThrownBy(() -> Officer.appoint("张伟", "31000000999", putuo, "12345", null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("电话");
	}

	@Test
	void deactivatedOfficerNoLongerLeadsInspections() {
		Officer officer = Officer.appoint("赵磊", "31010700202", putuo, null, EnumSet.of(Certification.LEAD_INSPECTOR));
		officer.deactivate();
		assertThat(officer.isLeadInspector()).isFalse();
	}

	@Test
	void expertNeedsAQualification() {
		assertThatThrownBy(() -> Expert.register("沈立新", "化工", "上海化工研究院", " ", null, putuo))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("资格");
	}
}
