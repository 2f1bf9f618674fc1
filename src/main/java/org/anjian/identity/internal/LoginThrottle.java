package org.anjian.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Repeated failed logins throttle further attempts of the same account from the same address: after
 * {@code max-failures} failures within {@code window} for one user name from one address, every attempt of that name
 * from that address is refused until the window has passed, even with the right password. Counted by the pair (issue
 * 21), so that many people behind one address (an office's NAT) are not all locked out by one of them or by a
 * guesser among them, and nobody can lock an account from anywhere by failing it on purpose. Failures are kept in the
 * database so that all instances agree; their time is the application's clock.
 */
@Component
class LoginThrottle {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final int maxFailures;
	private final Duration window;

	LoginThrottle(JdbcClient jdbc, Clock clock,
			@Value("${anjian.security.login-throttle.max-failures:10}") int maxFailures,
			@Value("${anjian.security.login-throttle.window:1m}") Duration window) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.window = window;
	}

	boolean isThrottled(String username, String address) {
		long failures = jdbc.sql("""
				select count(*) from login_failure
				where username = :username and remote_address is not distinct from :address and failed_at > :since""")
			.param("username", asRecorded(username))
			.param("address", address)
			.param("since", ago(window))
			.query(Long.class)
			.single();
		return failures >= maxFailures;
	}

	void recordFailure(String username, String address) {
		jdbc.sql("insert into login_failure (username, remote_address, failed_at) values (:username, :address, :at)")
			.param("username", asRecorded(username))
			.param("address", address)
			.param("at", Timestamp.from(clock.instant()))
			.update();
	}

	void forgetFailures(String username) {
		jdbc.sql("delete from login_failure where username = :username").param("username", asRecorded(username)).update();
	}

	/**
	 * A name as typed at the login, as the failures keep it: no user name is longer than 32 characters, so whatever
	 * was typed is kept to its first 100 (the column's bound), without control characters the database cannot store.
	 */
	static String asRecorded(String username) {
		String typed = username == null ? "" : username.replaceAll("\\p{Cntrl}", "");
		return typed.length() > 100 ? typed.substring(0, 100) : typed;
	}

	/** Old failures serve no purpose once outside every window; harmless when several instances run it. */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
	void purgeOldFailures() {
		purgeOlderThan(Duration.ofDays(1));
	}

	void purgeOlderThan(Duration age) {
		jdbc.sql("delete from login_failure where failed_at < :before").param("before", ago(age)).update();
	}

	private Timestamp ago(Duration duration) {
		return Timestamp.from(clock.instant().minus(duration));
	}
}
