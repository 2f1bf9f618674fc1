package org.anjian.identity.internal;

import java.util.List;
import java.util.Set;

import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.Officers;
import org.anjian.shared.Role;
import org.anjian.shared.database.DemoMode;
import org.anjian.shared.database.SystemScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the demonstration accounts, all with password {@value #PASSWORD}, created if missing (never reset):
 * the staff's accounts before the demo city is loaded (the enterprises' own accounts come once their hazards are
 * loaded, from the hazard module, through {@link org.anjian.identity.EnterpriseUsers}). Outside demo mode, a database without any account gets one administrator with a random password,
 * written once to the log: no account ever has a password known in advance.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = DemoMode.PASSWORD;

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	record Demo(String username, String displayName, Role role, String scope, String officerBadge) {
	}

	static final List<Demo> ACCOUNTS = List.of(
			new Demo("admin", "系统管理员", Role.ADMIN, "310000", null),
			new Demo("city", "王建国", Role.CITY_OFFICER, "310000", "31000000101"),
			new Demo("putuo", "刘洋", Role.DISTRICT_OFFICER, "310107", "31010700201"),
			new Demo("pudong", "吴昊", Role.DISTRICT_OFFICER, "310115", "31011500301"),
			new Demo("leader", "林志强", Role.LEADER, "310000", null),
			new Demo("legal", "黄晓燕", Role.LEGAL_REVIEWER, "310000", null),
			new Demo("changzheng", "何晨", Role.STREET_OFFICER, "310107102", "31010710201"),
			new Demo("lujiazui", "许倩", Role.STREET_OFFICER, "310115005", "31011500501"));

	private final DemoMode demo;
	private final Accounts accounts;
	private final UserAccounts users;
	private final EnforcementBodies bodies;
	private final Officers officers;

	DemoAccounts(DemoMode demo, Accounts accounts, UserAccounts users,
			EnforcementBodies bodies, Officers officers) {
		this.demo = demo;
		this.accounts = accounts;
		this.users = users;
		this.bodies = bodies;
		this.officers = officers;
	}

	@Override
	public void run(ApplicationArguments args) {
		SystemScope.run("demo", demo.enabled() ? this::seedDemoAccounts : this::ensureAnAdministrator);
	}

	private void seedDemoAccounts() {
		int added = 0;
		for (Demo d : ACCOUNTS) {
			if (users.findByUsername(d.username()).isPresent()) {
				continue;
			}
			Long body = bodies.findByJurisdictionCode(d.scope()).orElseThrow().id();
			UserAccount account = accounts.openAccount(new AccountDetails(d.username(), d.displayName(), Set.of(d.role()),
					d.scope(), body, null, PASSWORD, true, null));
			if (d.officerBadge() != null) {
				officers.findByBadgeNumber(d.officerBadge())
					.ifPresent(o -> {
						account.linkOfficer(o.id());
						users.save(account);
					});
			}
			added++;
		}
		if (added > 0) {
			log.info("Demo mode: {} demo accounts created (password {})", added, PASSWORD);
		}
	}

	private void ensureAnAdministrator() {
		if (users.count() > 0) {
			return;
		}
		String password = Accounts.randomPassword();
		accounts.openAccount(new AccountDetails("admin", "系统管理员", Set.of(Role.ADMIN), "310000", null, null, password,
				true, null));
		log.warn("No account existed: created administrator 'admin' with one-time password {} — change it after logging in", password);
	}
}
