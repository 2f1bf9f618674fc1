package org.anjian.hazard.internal;

import org.anjian.shared.JurisdictionScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Who acts on a hazard: the body that found it and those above it on its branch; nobody beside or below it. */
class HazardActPolicyTests {

	static final JurisdictionScope CITY = JurisdictionScope.city();
	static final JurisdictionScope PUTUO = JurisdictionScope.district("310107");
	static final JurisdictionScope PUDONG = JurisdictionScope.district("310115");
	static final JurisdictionScope CHANGZHENG = JurisdictionScope.street("310107102");

	@Test
	void aHazardTheDistrictFoundIsActedOnByTheDistrictAndTheCityNotByItsStreetNorAnotherDistrict() {
		assertThat(HazardActPolicy.act(PUTUO, "310107", "普陀区应急管理局执法大队").allowed()).isTrue();
		assertThat(HazardActPolicy.act(CITY, "310107", "普陀区应急管理局执法大队").allowed()).isTrue();
		assertThat(HazardActPolicy.act(CHANGZHENG, "310107", "普陀区应急管理局执法大队").reason())
			.isEqualTo("该隐患由普陀区应急管理局执法大队检查发现，由其办理；您可以查看，但不能办理");
		assertThat(HazardActPolicy.act(PUDONG, "310107", null).reason()).startsWith("该隐患由其他执法主体检查发现");
	}

	@Test
	void aHazardTheStreetFoundIsActedOnByTheStreetAndTheLevelsAboveIt() {
		assertThat(HazardActPolicy.act(CHANGZHENG, "310107102", "长征镇").allowed()).isTrue();
		assertThat(HazardActPolicy.act(PUTUO, "310107102", "长征镇").allowed()).isTrue();
		assertThat(HazardActPolicy.act(JurisdictionScope.street("310107005"), "310107102", "长征镇").allowed()).isFalse();
	}

	@Test
	void aHazardTheCityFoundIsActedOnByTheCityOnly() {
		assertThat(HazardActPolicy.act(CITY, "310000", "上海市应急管理局执法总队").allowed()).isTrue();
		assertThat(HazardActPolicy.act(PUTUO, "310000", "上海市应急管理局执法总队").allowed()).isFalse();
		assertThat(HazardActPolicy.act(CHANGZHENG, "310000", "上海市应急管理局执法总队").allowed()).isFalse();
	}
}
