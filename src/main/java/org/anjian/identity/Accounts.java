package org.anjian.identity;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;

import org.anjian.audit.AuditTrail;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Jurisdictions;
import org.anjian.organization.Organization;
import org.anjian.shared.DivisionCode;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Administration of accounts: opening, changing roles and scope, passwords, disabling. */
@Service
public class Accounts {

	private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
	private static final SecureRandom RANDOM = new SecureRandom();

	private final UserAccounts accounts;
	private final PasswordEncoder encoder;
	private final Jurisdictions jurisdictions;
	private final Organization organization;
	private final AuditTrail audit;

	Accounts(UserAccounts accounts, PasswordEncoder encoder, Jurisdictions jurisdictions, Organization organization,
			AuditTrail audit) {
		this.audit = audit;
		this.accounts = accounts;
		this.encoder = encoder;
		this.jurisdictions = jurisdictions;
		this.organization = organization;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public List<UserAccount> all() {
		return accounts.findAllOrdered();
	}

	@PreAuthorize("hasRole('ADMIN')")
	public UserAccount account(long id) {
		return accounts.findById(id).orElseThrow(() -> new NotFoundException("用户 " + id + " 不存在或不在您的管辖范围内"));
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public UserAccount open(AccountDetails details) {
		if (details.username() != null && accounts.findByUsername(details.username().trim()).isPresent()) {
			throw new InvalidInputException("username", "用户名 " + details.username().trim() + " 已被使用");
		}
		return openAccount(details);
	}

	/** Opens an account without the administrator check, for seeding (demo mode, the first administrator). */
	@Transactional
	UserAccount openAccount(AccountDetails details) {
		audit.describe("account.open");
		JurisdictionScope scope = scope(details.scopeCode());
		Long bodyId = bodyFor(details.bodyId(), scope);
		UserAccount account = UserAccount.open(details.username() == null ? null : details.username().trim(),
				details.displayName(), encoder.encode(checkedPassword(details.password())), details.roles(), scope,
				bodyId);
		return accounts.save(account);
	}

	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public UserAccount update(long id, AccountDetails details) {
		audit.describe("account.update");
		UserAccount account = account(id);
		if (details.version() != null && !Objects.equals(details.version(), account.version())) {
			throw new OptimisticLockingFailureException("stale account " + id);
		}
		if (details.username() != null && !details.username().trim().equals(account.username())) {
			throw new InvalidInputException("username", "用户名不可修改");
		}
		account.rename(details.displayName());
		JurisdictionScope scope = scope(details.scopeCode());
		account.assign(details.roles(), scope, bodyFor(details.bodyId(), scope));
		if (details.password() != null && !details.password().isBlank()) {
			account.changePassword(encoder.encode(checkedPassword(details.password())));
		}
		if (Boolean.FALSE.equals(details.enabled())) {
			account.disable();
		}
		else if (Boolean.TRUE.equals(details.enabled())) {
			account.enable();
		}
		return accounts.save(account);
	}

	/** Sets a new random password and returns it, to be handed to the user once. */
	@Transactional
	@PreAuthorize("hasRole('ADMIN')")
	public String resetPassword(long id) {
		audit.describe("account.resetPassword");
		UserAccount account = account(id);
		String password = randomPassword();
		account.changePassword(encoder.encode(password));
		accounts.save(account);
		return password;
	}

	static String randomPassword() {
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 14; i++) {
			password.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
		}
		return password.toString();
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
