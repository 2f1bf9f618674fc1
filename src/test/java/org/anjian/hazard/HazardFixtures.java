package org.anjian.hazard;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.Role;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.database.SystemScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Hazards of 普陀区 for tests: an enterprise registered, a hazard found by the district brigade inserted as the system
 * and ordered to be rectified; users to act as, so that the database scopes each act by their login.
 */
record HazardFixtures(EnterpriseRegistry registry, JdbcClient jdbc, HazardRectification rectification,
		UserAccounts accounts, UserDetailsService users) {

	static final String PUTUO = "310107";
	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	/** A hazard and its enterprise. */
	record Found(long id, String uscc, String enterprise, String description) {
	}

	/** A hazard of a new 普陀 enterprise, being rectified by a deadline a month ahead. */
	Found rectifying(String enterpriseName, String description, boolean major) {
		String name = enterpriseName + SEQUENCE.incrementAndGet();
		String uscc = SystemScope.call("test",
				() -> registry.register(TestEnterprises.chemicalStore(PUTUO, "310107005", name)).uscc());
		long id = SystemScope.call("test", () -> jdbc.sql("""
				insert into hazard (district_code, uscc, description, legal_basis, major, status, found_at)
				values (:district, :uscc, :description, '《危险化学品重大危险源监督管理暂行规定》第十三条', :major, 'FOUND', now())
				returning id""")
			.param("district", PUTUO).param("uscc", uscc).param("description", description).param("major", major)
			.query(Long.class).single());
		SystemScope.run("test", () -> rectification.orderRectification(id, LocalDate.now().plusDays(30), null));
		return new Found(id, uscc, name, description);
	}

	/** The enterprise's own user (企业安全员), linked to its credit code. */
	String enterpriseUser(String uscc) {
		String username = "qiye-listing-" + SEQUENCE.incrementAndGet();
		SystemScope.run("test", () -> {
			UserAccount account = UserAccount.open(username, "企业安全员", "x", Set.of(Role.ENTERPRISE),
					JurisdictionScope.district(PUTUO), null);
			account.linkEnterprise(uscc);
			accounts.save(account);
		});
		return username;
	}

	/** Runs as the given user, as a request of theirs would: the database scopes by their login. */
	<T> T as(String username, Supplier<T> work) {
		UserDetails details = users.loadUserByUsername(username);
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new UsernamePasswordAuthenticationToken(details, null, details.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	<T> T asSystem(Supplier<T> work) {
		return SystemScope.call("test", work);
	}
}
