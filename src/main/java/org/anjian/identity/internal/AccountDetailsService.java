package org.anjian.identity.internal;

import org.anjian.identity.UserAccounts;
import org.anjian.shared.database.SystemScope;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Looks an account up for login; nobody is logged in yet, so the look-up runs as the system. */
@Component
class AccountDetailsService implements UserDetailsService {

	private final UserAccounts accounts;

	AccountDetailsService(UserAccounts accounts) {
		this.accounts = accounts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return SystemScope.call("login", () -> accounts.findByUsername(username == null ? "" : username.trim()))
			.map(AnjianPrincipal::of)
			.orElseThrow(() -> new UsernameNotFoundException("no such user"));
	}
}
