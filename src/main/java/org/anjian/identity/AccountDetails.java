package org.anjian.identity;

import java.util.Set;

/**
 * What an administrator says of an account. The scope is a division code: {@code 310000} for the city, a
 * district (6 digits) or a street/town (9 digits).
 */
public record AccountDetails(String username, String displayName, Set<Role> roles, String scopeCode, Long bodyId,
		String password, Boolean enabled, Integer version) {
}
