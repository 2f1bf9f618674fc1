package org.anjian.identity;

import java.util.Set;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
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

	@Test
	void rejectsDisplayNameLongerThanFortyCharacters() {
		assertThatThrownBy(() -> UserAccount.open("longname", "名".repeat(41), "hash", Set.of(Role.LEADER),
				JurisdictionScope.city(), null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("姓名不能超过40个字")
			.extracting(e -> ((InvalidInputException) e).field()).isEqualTo("displayName");
		assertThat(UserAccount.open("longname", " " + "名".repeat(40) + " ", "hash", Set.of(Role.LEADER),
				JurisdictionScope.city(), null).displayName()).hasSize(40);
	}

	@Test
	void enterpriseUserLinkedToItsEnterpriseMovesToTheEnterprisesPlace() {
		UserAccount account = UserAccount.open("qiye2", "企业安全员", "hash", Set.of(Role.ENTERPRISE),
				JurisdictionScope.district("310115"), null);

		account.linkEnterprise("91310107MA1K00000X", JurisdictionScope.street("310107102"));

		assertThat(account.enterpriseUscc()).isEqualTo("91310107MA1K00000X");
		assertThat(account.scope()).isEqualTo(JurisdictionScope.street("310107102"));
		assertThat(account.bodyId()).isNull();
	}

	@Test
	void onlyAnEnterpriseUserIsLinkedToAnEnterprise() {
		UserAccount officer = UserAccount.open("officer3", "某执法人员", "hash", Set.of(Role.DISTRICT_OFFICER),
				JurisdictionScope.district("310107"), 6L);

		assertThatThrownBy(() -> officer.linkEnterprise("91310107MA1K00000X", JurisdictionScope.district("310107")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("只有企业用户可以关联企业");
		assertThat(officer.enterpriseUscc()).isNull();
		assertThat(officer.bodyId()).isEqualTo(6L);
	}

	@Test
	void anAccountThatIsNoLongerAnEnterpriseUserKeepsNoEnterprise() {
		UserAccount account = UserAccount.open("qiye3", "企业安全员", "hash", Set.of(Role.ENTERPRISE),
				JurisdictionScope.district("310107"), null);
		account.linkEnterprise("91310107MA1K00000X", JurisdictionScope.district("310107"));

		account.assign(Set.of(Role.LEADER), JurisdictionScope.district("310107"), null);

		assertThat(account.enterpriseUscc()).isNull();
	}
}
