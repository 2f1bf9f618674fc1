package org.anjian.enterprise.web;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the enterprise list whether its viewer keeps the registry in bulk, to offer the import page and the export. */
@ControllerAdvice(assignableTypes = EnterprisePages.class)
class EnterpriseListActions {

	@ModelAttribute("canImport")
	boolean canImport() {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication != null && authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
			.anyMatch(a -> a.equals("ROLE_CITY_OFFICER") || a.equals("ROLE_DISTRICT_OFFICER")
					|| a.equals("ROLE_STREET_OFFICER") || a.equals("ROLE_ADMIN"));
	}
}
