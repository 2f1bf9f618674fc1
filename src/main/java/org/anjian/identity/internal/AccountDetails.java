package org.anjian.identity.internal;

import java.util.Set;

import org.anjian.shared.Role;

/**
 * What an administrator says of an account. The scope is a division code: {@code 310000} for the city, a
 * district (6 digits) or a street/town (9 digits). An enterprise's user names its enterprise's credit code instead:
 * it lives where that enterprise lies.
 */
public record AccountDetails(String username, String displayName, Set<Role> roles, String scopeCode, Long bodyId,
		String enterpriseUscc, String password, Boolean enabled, Integer version) {
}
