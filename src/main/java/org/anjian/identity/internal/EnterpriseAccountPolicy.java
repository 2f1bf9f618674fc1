package org.anjian.identity.internal;

import java.util.EnumSet;
import java.util.Set;

import org.anjian.shared.Allowance;
import org.anjian.shared.Role;

/**
 * Who opens and links an enterprise's accounts: the administrator, and the officers who supervise enterprises
 * (which enterprises, their jurisdiction decides: the enterprise must be within their reach). Leaders approve and
 * legal reviewers review; neither keeps enterprises' accounts.
 */
public final class EnterpriseAccountPolicy {

	private static final Set<Role> KEEPERS = EnumSet.of(Role.ADMIN, Role.CITY_OFFICER, Role.DISTRICT_OFFICER,
			Role.STREET_OFFICER);

	private EnterpriseAccountPolicy() {
	}

	public static Allowance mayKeepAccounts(Set<Role> roles) {
		if (roles != null && roles.stream().anyMatch(KEEPERS::contains)) {
			return Allowance.granted();
		}
		return Allowance.refused("只有系统管理员和监管该企业的执法人员可以为企业开设或关联账号");
	}
}
