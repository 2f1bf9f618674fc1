package org.anjian.portal.web;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.anjian.shared.Role;
import org.anjian.shared.web.LayoutModel;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts into every page's model what the navigation may offer the person ({@code nav}): see {@link Navigation}; also
 * into the error pages' ({@link LayoutModel}).
 */
@ControllerAdvice
class NavigationModel implements LayoutModel {

	@Override
	public void contribute(Map<String, Object> model) {
		model.put("nav", nav());
	}

	@ModelAttribute("nav")
	Navigation nav() {
		return Navigation.of(roles(SecurityContextHolder.getContext().getAuthentication()));
	}

	static Set<Role> roles(Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (authentication != null) {
			for (GrantedAuthority authority : authentication.getAuthorities()) {
				for (Role role : Role.values()) {
					if (role.authority().equals(authority.getAuthority())) {
						roles.add(role);
					}
				}
			}
		}
		return roles;
	}
}
