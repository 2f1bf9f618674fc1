package org.anjian.identity.internal;

import java.security.SecureRandom;
import java.util.List;
import java.util.function.Supplier;

import org.anjian.audit.AuditTrail;
import org.anjian.audit.OfficialActs;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Jurisdictions;
import org.anjian.organization.Organization;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.DivisionCode;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.Role;
import org.anjian.shared.Uscc;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of accounts: opening, changing roles and scope, linking an enterprise's user to its enterprise,
 * passwords, disabling.
 */
@Service
public class Accounts {

	private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccounts accounts;
	private final PasswordEncoder encoder;
	private final Jurisdictions jurisdictions;
	private final Organization organization;
	private final EnterpriseRegistry registry;
	private final AuditTrail audit;
	private final OfficialActs acts;

	Accounts(UserAccounts accounts, PasswordEncoder encoder, Jurisdictions jurisdictions, Organization organization,
			EnterpriseRegistry registry, AuditTrail audit, OfficialActs acts) {
		this.accounts = accounts;
		this.encoder = encoder;
		this.jurisdictions = jurisdictions;
		this.organization = organization;
		this.registry = registry;
		this.audit = audit;
		this.acts = acts;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public List<UserAccount> all() {
		return accounts.findAllOrdered();
	}

	@PreAuthorize("hasRole('ADMIN')")
	public ResultPage<UserAccount> all(Integer page) {
		return accounts.findAllOrdered(page);
	}

	@PreAuthorize("hasRole('ADMIN')")
	public UserAccount account(long id) {
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("用户 " + id + " 不存在或不在您的管辖范围内"));
	}

	@Transactional
	@Authorized(Act.KEEP_ACCOUNTS)
	public UserAccount open(AccountDetails details) {
		return openAccount(details);
	}

	/** Opens an account without the administrator check, for seeding (demo mode, the first administrator). */
	@Transactional
	public UserAccount openAccount(AccountDetails details) {
		audit.describe(AccountAction.OPEN);
		String username = details.username() == null ? null : details.username().trim();
		if (username != null && accounts.findByUsername(username).isPresent()) {
			throw taken(username);
		}
		Placement place = placement(details);
		UserAccount account = UserAccount.open(username, details.displayName(),
				encoder.encode(checkedPassword(details.password())), details.roles(), place.scope(), place.bodyId());
		if (place.enterpriseUscc() != null) {
			account.linkEnterprise(place.enterpriseUscc(), place.scope());
		}
		return saveNew(username, () -> accounts.save(account));
	}

	@Transactional
	@Authorized(Act.KEEP_ACCOUNTS)
	public UserAccount update(long id, AccountDetails details) {
		return acts.perform(AccountAction.UPDATE, account(id), details.version(), account -> {
			if (details.username() != null && !details.username().trim().equals(account.username())) {
				throw new InvalidInputException("username", "用户名不可修改");
			}
			account.rename(details.displayName());
			Placement place = placement(details);
			account.assign(details.roles(), place.scope(), place.bodyId());
			if (place.enterpriseUscc() != null) {
				account.linkEnterprise(place.enterpriseUscc(), place.scope());
			}
			if (details.password() != null && !details.password().isBlank()) {
				account.changePassword(encoder.encode(checkedPassword(details.password())));
			}
			if (Boolean.FALSE.equals(details.enabled())) {
				account.disable();
			}
			else if (Boolean.TRUE.equals(details.enabled())) {
				account.enable();
			}
		}, accounts::save);
	}

	/** Sets a new random password and returns it, to be handed to the user once. */
	@Transactional
	@Authorized(Act.KEEP_ACCOUNTS)
	public String resetPassword(long id) {
		String password = randomPassword();
		acts.perform(AccountAction.RESET_PASSWORD, account(id), null, a -> a.changePassword(encoder.encode(password)),
				accounts::save);
		return password;
	}

	/** A password of 14 characters without look-alikes (no 0/O, 1/l/I), to be read out or copied once. */
	static String randomPassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
	}

	String encode(String password) {
		return encoder.encode(password);
	}

	/**
	 * Saves a new account; a user name taken meanwhile, or outside the caller's sight (row-level security hides
	 * other districts' accounts, the unique index does not), is refused beside the user name.
	 */
	static UserAccount saveNew(String username, Supplier<UserAccount> save) {
		try {
			return save.get();
		}
		catch (RuntimeException e) {
			for (Throwable cause = e; cause != null; cause = cause.getCause()) {
				if (cause instanceof DuplicateKeyException) {
					throw taken(username);
				}
			}
			throw e;
		}
	}

	private static InvalidInputException taken(String username) {
		return new InvalidInputException("username", "用户名 " + username + " 已被使用，请换一个");
	}

	/** The place of an enterprise: its street, or its district when its street is not known. */
	static JurisdictionScope placeOf(Enterprise enterprise) {
		return enterprise.streetCode() != null ? JurisdictionScope.street(enterprise.streetCode())
				: JurisdictionScope.district(enterprise.districtCode());
	}

	/** Where an account acts and for whom: a scope and a body, or for an enterprise's user its enterprise's place. */
	private record Placement(JurisdictionScope scope, Long bodyId, String enterpriseUscc) {
	}

	/**
	 * An enterprise's user names an existing enterprise and lives where it lies, for no body; everyone else has a
	 * scope and maybe a body of it, and no enterprise.
	 */
	private Placement placement(AccountDetails details) {
		String uscc = details.enterpriseUscc() == null || details.enterpriseUscc().isBlank() ? null
				: details.enterpriseUscc().trim();
		UserAccount.requireRoles(details.roles());
		if (!details.roles().contains(Role.ENTERPRISE)) {
			if (uscc != null) {
				throw new InvalidInputException("enterpriseUscc", "只有企业用户关联企业：请选择“不关联企业”，或将角色改为企业用户");
			}
			JurisdictionScope scope = scope(details.scopeCode());
			return new Placement(scope, bodyFor(details.bodyId(), scope), null);
		}
		if (uscc == null) {
			throw new InvalidInputException("enterpriseUscc", "企业用户须关联所属企业：请按企业名称或统一社会信用代码查找并选择");
		}
		if (details.bodyId() != null) {
			throw new InvalidInputException("bodyId", "企业用户不属于执法主体，请选择“无”");
		}
		Enterprise enterprise = enterprise(uscc);
		return new Placement(placeOf(enterprise), null, enterprise.uscc());
	}

	/** The enterprise a form names, as a refusal beside the field when there is none. */
	private Enterprise enterprise(String uscc) {
		String code;
		try {
			code = Uscc.of(uscc).value();
		}
		catch (InvalidInputException e) {
			throw new InvalidInputException("enterpriseUscc", e.getMessage());
		}
		try {
			return registry.file(code);
		}
		catch (NotFoundException e) {
			throw new InvalidInputException("enterpriseUscc", "统一社会信用代码 " + code + " 的企业不存在，请重新查找并选择");
		}
	}

	private JurisdictionScope scope(String code) {
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("scopeCode", "请选择管辖范围（全市、某区或某街镇）");
		}
		DivisionCode division = DivisionCode.of(code);
		if (jurisdictions.findById(division.value()).isEmpty()) {
			throw new InvalidInputException("scopeCode", "管辖范围代码 " + code + " 不是本市的区或街镇");
		}
		return JurisdictionScope.of(division);
	}

	/** An account may act for a body, which must be the body of its own jurisdiction; none is required. */
	private Long bodyFor(Long bodyId, JurisdictionScope scope) {
		if (bodyId == null) {
			return null;
		}
		EnforcementBody body = organization.body(bodyId);
		if (!body.scope().equals(scope)) {
			throw new InvalidInputException("bodyId", "所属执法主体“" + body.name() + "”与管辖范围不一致");
		}
		return body.id();
	}

	private static String checkedPassword(String password) {
		if (password == null || password.length() < 8) {
			throw new InvalidInputException("password", "密码至少8位");
		}
		return password;
	}
}
