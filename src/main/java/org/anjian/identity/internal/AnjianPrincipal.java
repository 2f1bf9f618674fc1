package org.anjian.identity.internal;

import java.io.Serializable;
import java.util.Collection;
import java.util.Set;

import org.anjian.identity.UserAccount;
import org.anjian.shared.Actor;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The logged-in user as the session keeps it: identity, roles and scope. */
public final class AnjianPrincipal implements UserDetails, CredentialsContainer, Serializable {

	private static final long serialVersionUID = 1L;

	private final long id;
	private final String username;
	private String passwordHash;
	private final String displayName;
	private final Set<Role> roles;
	private final JurisdictionScope scope;
	private final Long bodyId;
	private final String enterpriseUscc;
	private final boolean enabled;

	public static AnjianPrincipal of(UserAccount account) {
		return new AnjianPrincipal(account);
	}

	private AnjianPrincipal(UserAccount account) {
		this.id = account.id();
		this.username = account.username();
		this.passwordHash = account.passwordHash();
		this.displayName = account.displayName();
		this.roles = Set.copyOf(account.roles());
		this.scope = account.scope();
		this.bodyId = account.bodyId();
		this.enterpriseUscc = account.enterpriseUscc();
		this.enabled = account.enabled();
	}

	public long id() {
		return id;
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	public JurisdictionScope scope() {
		return scope;
	}

	public Long bodyId() {
		return bodyId;
	}

	public String enterpriseUscc() {
		return enterpriseUscc;
	}

	public Actor actor() {
		return new Actor(username, bodyId, scope, roles.contains(Role.ENTERPRISE) ? (enterpriseUscc == null ? "" : enterpriseUscc) : null,
				roles.contains(Role.LEADER));
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList();
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}
}
