package org.anjian.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JurisdictionScopeTests {

	@Test
	void streetCodeNamesItsDistrict() {
		JurisdictionScope scope = JurisdictionScope.of(DivisionCode.of("310115005"));
		assertThat(scope.level()).isEqualTo(JurisdictionLevel.STREET);
		assertThat(scope.districtCode()).isEqualTo("310115");
		assertThat(scope.code()).isEqualTo("310115005");
	}

	@Test
	void cityCodeGivesCityScope() {
		assertThat(JurisdictionScope.of(DivisionCode.of("310000"))).isEqualTo(JurisdictionScope.city());
		assertThat(JurisdictionScope.city().code()).isEqualTo("310000");
	}

	@Test
	void districtScopeCoversItsStreetsButNotAnotherDistrict() {
		JurisdictionScope putuo = JurisdictionScope.district("310107");
		assertThat(putuo.covers("310107", "310107102")).isTrue();
		assertThat(putuo.covers("310115", "310115005")).isFalse();
		assertThat(putuo.covers(null, null)).as("a city-level row").isFalse();
	}

	@Test
	void streetScopeCoversOnlyItsStreet() {
		JurisdictionScope changzheng = JurisdictionScope.street("310107102");
		assertThat(changzheng.covers("310107", "310107102")).isTrue();
		assertThat(changzheng.covers("310107", "310107103")).isFalse();
		assertThat(changzheng.covers("310107", null)).as("the district brigade itself").isFalse();
	}

	@Test
	void rejectsStreetOutsideItsDistrict() {
		assertThatThrownBy(() -> new JurisdictionScope(JurisdictionLevel.STREET, "310107", "310115005"))
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void rejectsMalformedDivisionCodeInChinese() {
		assertThatThrownBy(() -> DivisionCode.of("31011"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("区划代码应为6位");
	}

	@Test
	void aDistrictIsReachedByTheCityByItselfAndByItsStreetsOnly() {
		assertThat(JurisdictionScope.city().reachesDistrict("310115")).isTrue();
		assertThat(JurisdictionScope.district("310107").reachesDistrict("310107")).isTrue();
		assertThat(JurisdictionScope.district("310107").reachesDistrict("310115")).isFalse();
		assertThat(JurisdictionScope.street("310107102").reachesDistrict("310107")).isTrue();
		assertThat(JurisdictionScope.street("310107102").reachesDistrict("310115")).isFalse();
	}
}
