package org.anjian;

import java.util.function.Supplier;

import org.anjian.shared.database.SystemScope;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The one way a test acts: as a user of the demo (logged in with that user's roles and jurisdiction, as a page
 * request would be) or as the system (a named reason, every jurisdiction). A component of the test class path, so
 * that the static methods reach the application's user look-up in any test context.
 */
@Component
public class Acting {

	/**
	 * The user look-ups of the contexts alive, the newest first: a context closed (a cluster test's own instances, one
	 * the test context cache evicts) takes its own away, so that no test reaches a closed connection pool through it.
	 */
	private static final java.util.Deque<UserDetailsService> LIVE = new java.util.concurrent.ConcurrentLinkedDeque<>();

	private final UserDetailsService own;

	Acting(UserDetailsService users) {
		this.own = users;
		LIVE.push(users);
	}

	@jakarta.annotation.PreDestroy
	void contextClosed() {
		LIVE.remove(own);
	}

	/** Runs the work logged in as the user, then logs out again. */
	public static <T> T as(String username, Supplier<T> work) {
		UserDetailsService users = LIVE.peek();
		if (users == null) {
			throw new IllegalStateException("Acting.as needs an application context (a @SpringBootTest)");
		}
		UserDetails details = SystemScope.call("test:login", () -> users.loadUserByUsername(username));
		var context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	public static void as(String username, Runnable work) {
		as(username, () -> {
			work.run();
			return null;
		});
	}

	/** Runs the work as the system (the audit trail records the actor as {@code system:test}). */
	public static <T> T asSystem(Supplier<T> work) {
		return SystemScope.call("test", work);
	}

	public static void asSystem(Runnable work) {
		SystemScope.run("test", work);
	}
}
