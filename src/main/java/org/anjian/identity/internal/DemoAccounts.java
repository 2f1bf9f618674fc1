package org.anjian.identity.internal;

import java.util.List;
import java.util.Set;

import org.anjian.enterprise.EnterpriseQuery;
import org.anjian.enterprise.EnterpriseSearch;
import org.anjian.enterprise.OperatingStatus;
import org.anjian.identity.Role;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.Officers;
import org.anjian.shared.database.DemoMode;
import org.anjian.shared.database.SystemScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: the demonstration accounts, all with password {@value #PASSWORD}, created if missing (never reset):
 * the staff's accounts before the demo city is loaded, and once everything is loaded an enterprise's account in each
 * demo district, linked to the enterprise there with the most hazards still open (so that its user has something to
 * rectify). Outside demo mode, a database without any account gets one administrator with a random password,
 * written once to the log: no account ever has a password known in advance.
 */
@Component
@Order(20)
class DemoAccounts implements ApplicationRunner {

	static final String PASSWORD = "anjian2026";

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

	record DemoEnterpriseUser(String username, String displayName, String district) {
	}

	/** An enterprise's safety manager in each demo district; their enterprise is chosen once the data is loaded. */
	static final List<DemoEnterpriseUser> ENTERPRISE_ACCOUNTS = List.of(
			new DemoEnterpriseUser("putuo-qiye", "郭婷", "310107"),
			new DemoEnterpriseUser("pudong-qiye", "谢宇", "310115"));

	private final DemoMode demo;
	private final Environment environment;
	private final Accounts accounts;
	private final UserAccounts users;
	private final EnforcementBodies bodies;
	private final Officers officers;
	private final EnterpriseSearch enterprises;
	private final JdbcClient jdbc;

	DemoAccounts(DemoMode demo, Environment environment, Accounts accounts, UserAccounts users,
			EnforcementBodies bodies, Officers officers, EnterpriseSearch enterprises, JdbcClient jdbc) {
		this.demo = demo;
		this.environment = environment;
		this.accounts = accounts;
		this.users = users;
		this.bodies = bodies;
		this.officers = officers;
		this.enterprises = enterprises;
		this.jdbc = jdbc;
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

	/**
	 * After every runner has loaded its demo data (the city's enterprises, a year of hazards), and not when a command
	 * runs: a command decides its own data.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void seedEnterpriseAccounts() {
		if (!demo.enabled() || environment.getProperty("anjian.command") != null) {
			return;
		}
		SystemScope.run("demo", () -> {
			for (DemoEnterpriseUser d : ENTERPRISE_ACCOUNTS) {
				if (users.findByUsername(d.username()).isPresent()) {
					continue;
				}
				String uscc = enterpriseToRectify(d.district());
				if (uscc == null) {
					log.info("Demo mode: no enterprise in {} yet, no enterprise account {}", d.district(), d.username());
					continue;
				}
				accounts.openAccount(new AccountDetails(d.username(), d.displayName(), Set.of(Role.ENTERPRISE), null,
						null, uscc, PASSWORD, true, null));
				log.info("Demo mode: enterprise account {} created for {} (password {})", d.username(), uscc, PASSWORD);
			}
		});
	}

	/**
	 * The district's enterprise with the most hazards being rectified, then the most open ones, then the first credit
	 * code; without open hazards (a demo without its year of hazards), the district's first operating enterprise.
	 * The hazard module cannot be asked (it depends on this module through inspection and planning), so this demo
	 * seeding reads its table, as the allow-list of cross-module SQL records.
	 */
	String enterpriseToRectify(String district) {
		return jdbc.sql("""
				select uscc from hazard where district_code = :district and status <> 'VERIFIED'
				group by uscc
				order by count(*) filter (where status = 'RECTIFYING') desc, count(*) desc, uscc
				limit 1""")
			.param("district", district)
			.query(String.class)
			.optional()
			.orElseGet(() -> enterprises.search(new EnterpriseQuery(null, district, null, null, null, null, null,
					OperatingStatus.OPERATING, 0, 1)).rows().stream().findFirst().map(EnterpriseSearch.Row::uscc).orElse(null));
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
