package org.anjian.portal.web;

import java.util.Map;

import org.anjian.shared.security.ActGuard;
import org.anjian.shared.web.LayoutModel;
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
		return Navigation.of(ActGuard.roles(SecurityContextHolder.getContext().getAuthentication()));
	}
}
