package org.anjian.identity;

import java.util.Set;

import org.anjian.identity.internal.AccountDetails;
import org.anjian.identity.internal.Accounts;
import org.anjian.shared.Role;
import org.springframework.stereotype.Service;

/**
 * The accounts of enterprises' own users, as other modules see them: whether a login exists, and opening one linked
 * to its enterprise (the user then sees that enterprise only). Officers and ADMIN link accounts through the identity
 * pages; this is for seeding (the demo's enterprise accounts, opened once the hazard module knows which demo
 * enterprise has work to do).
 */
@Service
public class EnterpriseUsers {

	private final Accounts accounts;
	private final UserAccounts users;

	EnterpriseUsers(Accounts accounts, UserAccounts users) {
		this.accounts = accounts;
		this.users = users;
	}

	public boolean exists(String username) {
		return users.findByUsername(username).isPresent();
	}

	/** Opens an enterprise user's account linked to the enterprise, in the enterprise's place. */
	public UserAccount open(String username, String displayName, String uscc, String password) {
		return accounts.openAccount(new AccountDetails(username, displayName, Set.of(Role.ENTERPRISE), null, null, uscc,
				password, true, null));
	}
}
