package org.anjian.identity.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.identity.internal.AccountDetails;
import org.anjian.identity.internal.Accounts;
import org.anjian.identity.internal.AnjianPrincipal;
import org.anjian.identity.internal.CurrentUser;
import org.anjian.identity.UserAccount;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own account, and account administration (ADMIN). */
@RestController
class AccountApi {

	private final Accounts accounts;
	private final CurrentUser currentUser;

	AccountApi(Accounts accounts, CurrentUser currentUser) {
		this.accounts = accounts;
		this.currentUser = currentUser;
	}

	record Me(String username, String displayName, Set<Role> roles, JurisdictionScope scope, Long bodyId) {
	}

	record AccountView(long id, String username, String displayName, Set<Role> roles, JurisdictionScope scope,
			Long bodyId, Long officerId, String enterpriseUscc, boolean enabled, Integer version) {

		static AccountView of(UserAccount a) {
			return new AccountView(a.id(), a.username(), a.displayName(), a.roles(), a.scope(), a.bodyId(),
					a.officerId(), a.enterpriseUscc(), a.enabled(), a.version());
		}
	}

	@GetMapping("/api/me")
	Me me() {
		AnjianPrincipal me = currentUser.principal().orElseThrow(() -> new NotFoundException("未登录"));
		return new Me(me.getUsername(), me.displayName(), me.roles(), me.scope(), me.bodyId());
	}

	@GetMapping("/api/admin/users")
	List<AccountView> users() {
		return accounts.all().stream().map(AccountView::of).toList();
	}

	@GetMapping("/api/admin/users/{id}")
	AccountView user(@PathVariable long id) {
		return AccountView.of(accounts.account(id));
	}

	@PostMapping("/api/admin/users")
	@ResponseStatus(HttpStatus.CREATED)
	AccountView open(@RequestBody AccountDetails details) {
		return AccountView.of(accounts.open(details));
	}

	@PutMapping("/api/admin/users/{id}")
	AccountView update(@PathVariable long id, @RequestBody AccountDetails details) {
		return AccountView.of(accounts.update(id, details));
	}

	/** A new random password, shown once to the administrator who hands it over. */
	@PostMapping("/api/admin/users/{id}/password")
	Map<String, String> resetPassword(@PathVariable long id) {
		return Map.of("password", accounts.resetPassword(id));
	}
}
