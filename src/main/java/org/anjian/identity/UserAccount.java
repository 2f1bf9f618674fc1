package org.anjian.identity;

import java.util.EnumSet;
import java.util.Set;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.anjian.shared.Versioned;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A person who logs in: their roles and the jurisdiction they act in. Passwords are stored only as BCrypt
 * hashes. An account is disabled, never deleted, so that the audit trail keeps naming real people. An enterprise's
 * user belongs to one enterprise and lives where that enterprise lies, so that the officers of that place see the
 * account; nobody else has an enterprise.
 */
@Table("app_user")
public class UserAccount implements Versioned {

	/** The longest display name a form accepts (the database checks the same). */
	public static final int DISPLAY_NAME_MAX = 40;

	private @Id Long id;
	private final String username;
	private String passwordHash;
	private String displayName;
	private Role[] roles;
	private JurisdictionLevel scopeLevel;
	private String districtCode;
	private String streetCode;
	private Long bodyId;
	private Long officerId;
	private String enterpriseUscc;
	private boolean enabled;
	private @Version int version;

	@PersistenceCreator
	UserAccount(Long id, String username, String passwordHash, String displayName, Role[] roles,
			JurisdictionLevel scopeLevel, String districtCode, String streetCode, Long bodyId, Long officerId,
			String enterpriseUscc, boolean enabled, int version) {
		this.id = id;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.roles = roles;
		this.scopeLevel = scopeLevel;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.bodyId = bodyId;
		this.officerId = officerId;
		this.enterpriseUscc = enterpriseUscc;
		this.enabled = enabled;
		this.version = version;
	}

	/** Opens an account; the roles must fit the scope (a district officer needs a district scope). */
	public static UserAccount open(String username, String displayName, String passwordHash, Set<Role> roles,
			JurisdictionScope scope, Long bodyId) {
		validateUsername(username);
		UserAccount account = new UserAccount(null, username, passwordHash, displayNameOf(displayName),
				null, null, null, null, bodyId, null, null, true, 0);
		account.assign(roles, scope, bodyId);
		return account;
	}

	/**
	 * Gives the account new roles and scope, checked against each other. An account that is no longer an
	 * enterprise's user keeps no enterprise.
	 */
	public void assign(Set<Role> newRoles, JurisdictionScope scope, Long newBodyId) {
		requireRoles(newRoles);
		for (Role role : newRoles) {
			if (role.requiredLevel() != null && role.requiredLevel() != scope.level()) {
				throw new InvalidInputException("roles", "角色 " + role.name() + " 只能用于"
						+ levelName(role.requiredLevel()) + "管辖范围，当前为" + levelName(scope.level()));
			}
		}
		this.roles = newRoles.toArray(Role[]::new);
		this.scopeLevel = scope.level();
		this.districtCode = scope.districtCode();
		this.streetCode = scope.streetCode();
		this.bodyId = newBodyId;
		if (!newRoles.contains(Role.ENTERPRISE)) {
			this.enterpriseUscc = null;
		}
	}

	/** Roles an account may hold together: at least one, and an enterprise's user holds no other. */
	public static void requireRoles(Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new InvalidInputException("roles", "请至少选择一个角色");
		}
		if (roles.contains(Role.ENTERPRISE) && roles.size() > 1) {
			throw new InvalidInputException("roles", "企业用户不能同时担任执法、审核或管理角色");
		}
	}

	public void rename(String newDisplayName) {
		this.displayName = displayNameOf(newDisplayName);
	}

	public void changePassword(String newPasswordHash) {
		this.passwordHash = newPasswordHash;
	}

	public void linkOfficer(Long officerId) {
		this.officerId = officerId;
	}

	/** Names the account's enterprise where it already lives (a fixture's shortcut; the pages use the one below). */
	public void linkEnterprise(String uscc) {
		this.enterpriseUscc = uscc;
	}

	/**
	 * Links an enterprise's user to its enterprise (a new one, or another when the person changed enterprise):
	 * the account moves to the enterprise's place, where that enterprise's officers see it, and acts for no body.
	 */
	public void linkEnterprise(String uscc, JurisdictionScope place) {
		if (!roles().contains(Role.ENTERPRISE)) {
			throw new InvalidInputException("enterpriseUscc", "只有企业用户可以关联企业，“" + displayName + "”不是企业用户");
		}
		assign(Set.of(Role.ENTERPRISE), place, null);
		this.enterpriseUscc = uscc;
	}

	public void disable() {
		this.enabled = false;
	}

	public void enable() {
		this.enabled = true;
	}

	public Long id() {
		return id;
	}

	public String username() {
		return username;
	}

	public String passwordHash() {
		return passwordHash;
	}

	public String displayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Set.of(roles));
	}

	public JurisdictionScope scope() {
		return new JurisdictionScope(scopeLevel, districtCode, streetCode);
	}

	public Long bodyId() {
		return bodyId;
	}

	public Long officerId() {
		return officerId;
	}

	public String enterpriseUscc() {
		return enterpriseUscc;
	}

	public boolean enabled() {
		return enabled;
	}

	@Override
	public Integer version() {
		return version;
	}

	private static void validateUsername(String username) {
		if (username == null || !username.matches("[a-z][a-z0-9_.-]{2,31}")) {
			throw new InvalidInputException("username", "用户名须为3到32位小写字母、数字或 _ . -，并以字母开头");
		}
	}

	private static String displayNameOf(String value) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException("displayName", "姓名不能为空");
		}
		String name = value.trim();
		if (name.codePointCount(0, name.length()) > DISPLAY_NAME_MAX) {
			throw new InvalidInputException("displayName", "姓名不能超过" + DISPLAY_NAME_MAX + "个字");
		}
		return name;
	}

	private static String levelName(JurisdictionLevel level) {
		return switch (level) {
			case CITY -> "全市";
			case DISTRICT -> "区级";
			case STREET -> "街镇级";
		};
	}
}
