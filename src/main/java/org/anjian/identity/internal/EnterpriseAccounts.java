package org.anjian.identity.internal;

import java.util.List;
import java.util.Set;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.Act;
import org.anjian.shared.Allowance;
import org.anjian.shared.Authorized;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An enterprise's accounts as its officers keep them: who its users are, a new user for it with a one-time
 * password, an existing enterprise user linked to it. The administrator and the officers may
 * ({@link EnterpriseAccountPolicy}); which enterprises, row-level security decides: an enterprise outside the
 * caller's jurisdiction is not found, and so are accounts outside it.
 */
@Service
public class EnterpriseAccounts {

	/** The longest search text for accounts to link. */
	static final int QUERY_MAX = 40;

	private final UserAccounts users;
	private final Accounts accounts;
	private final EnterpriseRegistry registry;
	private final CurrentUser currentUser;
	private final AuditTrail audit;
	private final OfficialActs acts;

	EnterpriseAccounts(UserAccounts users, Accounts accounts, EnterpriseRegistry registry, CurrentUser currentUser,
			AuditTrail audit, OfficialActs acts) {
		this.users = users;
		this.accounts = accounts;
		this.registry = registry;
		this.currentUser = currentUser;
		this.audit = audit;
		this.acts = acts;
	}

	/** A new account and its password, to be shown once to the officer who hands it over. */
	public record Opened(UserAccount account, String password) {
	}

	/** The enterprise whose accounts the caller keeps: 403 for a role that keeps none, 404 outside their reach. */
	public Enterprise enterprise(String uscc) {
		Set<Role> roles = currentUser.principal().map(AnjianPrincipal::roles).orElse(Set.of());
		Allowance allowance = EnterpriseAccountPolicy.mayKeepAccounts(roles);
		if (allowance.refused()) {
			throw new AccessDeniedException(allowance.reason());
		}
		return registry.file(uscc);
	}

	/** Its users, by name. */
	public List<UserAccount> accountsOf(String uscc) {
		return users.findByEnterprise(enterprise(uscc).uscc());
	}

	/**
	 * Enterprise users within the caller's reach that it could link to this enterprise: a part of their name, or
	 * their whole user name as the person tells it.
	 */
	public List<UserAccount> linkable(String uscc, String query) {
		Enterprise enterprise = enterprise(uscc);
		if (query == null || query.isBlank()) {
			return List.of();
		}
		String q = query.trim();
		if (q.length() > QUERY_MAX) {
			q = q.substring(0, QUERY_MAX);
		}
		String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return users.findLinkable(enterprise.uscc(), "%" + escaped + "%", q.toLowerCase());
	}

	/** Opens an account for the enterprise, with a random password the officer hands over once. */
	@Authorized(Act.OPEN_ENTERPRISE_ACCOUNT)
	@Transactional
	public Opened open(String uscc, String username, String displayName) {
		Enterprise enterprise = within(uscc);
		audit.describe(AccountAction.OPEN_FOR_ENTERPRISE);
		String password = Accounts.randomPassword();
		String name = username == null ? null : username.trim();
		JurisdictionScope place = Accounts.placeOf(enterprise);
		UserAccount account = UserAccount.open(name, displayName, accounts.encode(password), Set.of(Role.ENTERPRISE),
				place, null);
		account.linkEnterprise(enterprise.uscc(), place);
		return new Opened(Accounts.saveNew(name, () -> users.save(account)), password);
	}

	/** Links an existing enterprise user to the enterprise, as the account was read at {@code version}. */
	@Authorized(Act.OPEN_ENTERPRISE_ACCOUNT)
	@Transactional
	public UserAccount link(String uscc, long accountId, Integer version) {
		Enterprise enterprise = within(uscc);
		UserAccount account = users.findById(accountId)
			.orElseThrow(() -> new NotFoundException("该用户不存在或不在您的管辖范围内"));
		return acts.perform(AccountAction.LINK_ENTERPRISE, account, version,
				a -> a.linkEnterprise(enterprise.uscc(), Accounts.placeOf(enterprise)), users::save);
	}

	/**
	 * The enterprise, when the account can live where it lies and the caller still sees it there: a street officer
	 * cannot keep the account of an enterprise whose street is not known, which lives at its district.
	 */
	private Enterprise within(String uscc) {
		Enterprise enterprise = enterprise(uscc);
		JurisdictionScope place = Accounts.placeOf(enterprise);
		boolean covered = currentUser.principal()
			.map(p -> p.scope().covers(place.districtCode(), place.streetCode()))
			.orElse(false);
		if (!covered) {
			throw new AccessDeniedException("该企业未登记所在街镇，其账号由区级或市级执法人员开设和关联");
		}
		return enterprise;
	}
}
