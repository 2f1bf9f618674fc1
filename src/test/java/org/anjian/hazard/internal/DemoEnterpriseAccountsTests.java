package org.anjian.hazard.internal;

import java.time.LocalDate;

import org.anjian.Acting;
import org.anjian.TestYears;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.Role;
import org.anjian.shared.database.DemoMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's enterprise accounts: one per demo district, linked to an enterprise there that has work to do. */
@SpringBootTest
class DemoEnterpriseAccountsTests {

	@Autowired
	UserAccounts accounts;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	DemoEnterpriseAccounts demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachDemoDistrictHasAnEnterpriseAccountLinkedToAnEnterpriseThere() {
		for (DemoEnterpriseAccounts.DemoEnterpriseUser d : DemoEnterpriseAccounts.ACCOUNTS) {
			UserAccount account = Acting.asSystem(() -> accounts.findByUsername(d.username()).orElseThrow());
			Enterprise enterprise = Acting.asSystem(() -> registry.file(account.enterpriseUscc()));
			assertThat(account.roles()).containsExactly(Role.ENTERPRISE);
			assertThat(account.displayName()).isEqualTo(d.displayName());
			assertThat(enterprise.districtCode()).isEqualTo(d.district());
			assertThat(account.scope().code()).as("the account takes the enterprise's place")
				.isEqualTo(enterprise.streetCode() != null ? enterprise.streetCode() : enterprise.districtCode());
			assertThat(passwords.matches(DemoMode.PASSWORD, account.passwordHash())).isTrue();
		}
	}

	@Test
	void theEnterpriseChosenHasTheMostHazardsBeingRectifiedThenTheMostOpen() {
		// hazards of a district of their own (a code no place has) in a year of their own, so that no other data counts
		String district = "3198" + String.format("%02d", TestYears.fresh() % 100);
		LocalDate day = LocalDate.of(TestYears.fresh(), 3, 1);
		Enterprise most = enterprise("最多整改中");
		Enterprise mostOpen = enterprise("最多未销号");
		Enterprise closed = enterprise("都已销号");
		hazards(district, most, "RECTIFYING", 2, day);
		hazards(district, mostOpen, "RECTIFYING", 1, day);
		hazards(district, mostOpen, "SUBMITTED", 3, day);
		hazards(district, closed, "VERIFIED", 5, day);

		assertThat(Acting.asSystem(() -> demo.enterpriseToRectify(district))).isEqualTo(most.uscc());

		hazards(district, mostOpen, "RECTIFYING", 1, day);
		assertThat(Acting.asSystem(() -> demo.enterpriseToRectify(district))).as("a tie of hazards being rectified")
			.isEqualTo(mostOpen.uscc());
	}

	private Enterprise enterprise(String name) {
		return Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102",
				"演示选择" + name + System.nanoTime() % 1_000_000)));
	}

	private void hazards(String district, Enterprise enterprise, String status, int count, LocalDate day) {
		for (int i = 0; i < count; i++) {
			Acting.asSystem(() -> jdbc.sql("""
					insert into hazard (district_code, uscc, description, major, status, found_at, deadline)
					values (:district, :uscc, '演示账号选择测试隐患', false, :status, :found, :deadline)""")
				.param("district", district).param("uscc", enterprise.uscc()).param("status", status)
				.param("found", java.sql.Timestamp.valueOf(day.atStartOfDay())).param("deadline", day.plusDays(30))
				.update());
		}
	}
}
