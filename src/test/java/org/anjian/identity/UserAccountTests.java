package org.anjian.identity;

import java.util.Set;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionScope;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserAccountTests {

	@Test
	void districtOfficerAccountCarriesItsDistrictScope() {
		UserAccount account = UserAccount.open("putuo2", "刘洋", "hash", Set.of(Role.DISTRICT_OFFICER),
				JurisdictionScope.district("310107"), 6L);
		assertThat(account.scope()).isEqualTo(JurisdictionScope.district("310107"));
		assertThat(account.roles()).containsExactly(Role.DISTRICT_OFFICER);
		assertThat(account.enabled()).isTrue();
	}

	@Test
	void rejectsDistrictOfficerRoleWithCityScope() {
		assertThatThrownBy(() -> UserAccount.open("wrong", "某人", "hash", Set.of(Role.DISTRICT_OFFICER),
				JurisdictionScope.city(), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("区级");
	}

	@Test
	void rejectsAdministratorBelowCityLevel() {
		assertThatThrownBy(() -> UserAccount.open("admin2", "某人", "hash", Set.of(Role.ADMIN),
				JurisdictionScope.district("310115"), null))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void leaderMayServeAtAnyLevel() {
		UserAccount account = UserAccount.open("leader2", "某领导", "hash", Set.of(Role.LEADER),
				JurisdictionScope.street("310107102"), null);
		assertThat(account.scope().streetCode()).isEqualTo("310107102");
	}

	@Test
	void rejectsUsernameWithCapitalsOrSpaces() {
		assertThatThrownBy(() -> UserAccount.open("Liu Yang", "刘洋", "hash", Set.of(Role.LEADER), JurisdictionScope.city(), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("用户名");
	}

	@Test
	void rejectsAccountWithoutRoles() {
		assertThatThrownBy(() -> UserAccount.open("norole", "某人", "hash", Set.of(), JurisdictionScope.city(), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("角色");
	}

	@Test
	void rejectsEnterpriseUserWhoIsAlsoAnOfficer() {
		assertThatThrownBy(() -> UserAccount.open("qiye1", "某企业安全员", "hash", Set.of(Role.ENTERPRISE, Role.DISTRICT_OFFICER),
				JurisdictionScope.district("310115"), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("企业用户");
	}
}
