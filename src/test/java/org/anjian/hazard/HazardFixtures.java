package org.anjian.hazard;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;

/**
 * Hazards of 普陀区 for tests: an enterprise registered, a hazard found by the district brigade inserted as the system
 * and ordered to be rectified; the enterprise's own user, to act as with {@link org.anjian.Acting}.
 */
record HazardFixtures(EnterpriseRegistry registry, JdbcClient jdbc, HazardRectification rectification,
		UserAccounts accounts) {

	static final String PUTUO = "310107";
	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	/** A hazard and its enterprise. */
	record Found(long id, String uscc, String enterprise, String description) {
	}

	/** A hazard of a new 普陀 enterprise, being rectified by a deadline a month ahead. */
	Found rectifying(String enterpriseName, String description, boolean major) {
		String name = enterpriseName + SEQUENCE.incrementAndGet();
		String uscc = asSystem(() -> registry.register(TestEnterprises.chemicalStore(PUTUO, "310107005", name)).uscc());
		long id = asSystem(() -> jdbc.sql("""
				insert into hazard (district_code, uscc, description, legal_basis, major, status, found_at)
				values (:district, :uscc, :description, '《危险化学品重大危险源监督管理暂行规定》第十三条', :major, 'FOUND', now())
				returning id""")
			.param("district", PUTUO).param("uscc", uscc).param("description", description).param("major", major)
			.query(Long.class).single());
		asSystem(() -> rectification.orderRectification(id, rectification.today().plusDays(30), null));
		return new Found(id, uscc, name, description);
	}

	/** The enterprise's own user (企业安全员), linked to its credit code. */
	String enterpriseUser(String uscc) {
		String username = "qiye-listing-" + SEQUENCE.incrementAndGet();
		asSystem(() -> {
			UserAccount account = UserAccount.open(username, "企业安全员", "x", Set.of(Role.ENTERPRISE),
					JurisdictionScope.district(PUTUO), null);
			account.linkEnterprise(uscc);
			accounts.save(account);
		});
		return username;
	}
}
