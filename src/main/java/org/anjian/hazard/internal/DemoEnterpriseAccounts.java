package org.anjian.hazard.internal;

import java.util.List;

import org.anjian.identity.EnterpriseUsers;
import org.anjian.shared.database.DemoMode;
import org.anjian.shared.database.SystemScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: an enterprise's own account in each demo district (password {@link DemoMode#PASSWORD}), created once
 * everything is loaded, linked to the district's enterprise with the most hazards being rectified, so that its user
 * has something to rectify. The hazard module picks the enterprise (it knows the hazards) and opens the account
 * through the identity module's API. Not when a sub-command runs.
 */
@Component
class DemoEnterpriseAccounts {

	record DemoEnterpriseUser(String username, String displayName, String district) {
	}

	/** An enterprise's safety manager in each demo district; their enterprise is chosen once the data is loaded. */
	static final List<DemoEnterpriseUser> ACCOUNTS = List.of(new DemoEnterpriseUser("putuo-qiye", "郭婷", "310107"),
			new DemoEnterpriseUser("pudong-qiye", "谢宇", "310115"));

	private static final Logger log = LoggerFactory.getLogger(DemoEnterpriseAccounts.class);

	private final DemoMode demo;
	private final Environment environment;
	private final EnterpriseUsers accounts;
	private final JdbcClient jdbc;

	DemoEnterpriseAccounts(DemoMode demo, Environment environment, EnterpriseUsers accounts, JdbcClient jdbc) {
		this.demo = demo;
		this.environment = environment;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		if (!demo.enabled() || environment.getProperty("anjian.command") != null) {
			return;
		}
		SystemScope.run("demo", () -> {
			for (DemoEnterpriseUser d : ACCOUNTS) {
				if (accounts.exists(d.username())) {
					continue;
				}
				String uscc = enterpriseToRectify(d.district());
				if (uscc == null) {
					log.info("Demo mode: no enterprise in {} yet, no enterprise account {}", d.district(), d.username());
					continue;
				}
				accounts.open(d.username(), d.displayName(), uscc, DemoMode.PASSWORD);
				log.info("Demo mode: enterprise account {} created for {} (password {})", d.username(), uscc,
						DemoMode.PASSWORD);
			}
		});
	}

	/**
	 * The district's enterprise with the most hazards being rectified, then the most open ones, then the first credit
	 * code; without open hazards (a demo without its year of hazards), the district's first operating enterprise.
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
			.orElseGet(() -> jdbc.sql("""
					select uscc from enterprise_register where district_code = :district and operating_status = 'OPERATING'
					order by uscc limit 1""")
				.param("district", district).query(String.class).optional().orElse(null));
	}
}
