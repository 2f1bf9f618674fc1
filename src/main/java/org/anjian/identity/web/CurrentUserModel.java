package org.anjian.identity.web;

import java.util.Map;

import org.anjian.identity.internal.AnjianPrincipal;
import org.anjian.identity.internal.CurrentUser;
import org.anjian.identity.internal.EnterpriseAccountPolicy;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.Role;
import org.anjian.shared.web.LayoutModel;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the logged-in user ({@code me}) into every page's model, for the navigation and the header; also into the
 * error pages' ({@link LayoutModel}), so that a refused page still names its viewer.
 */
@ControllerAdvice
class CurrentUserModel implements LayoutModel {

	private final CurrentUser currentUser;
	private final Jurisdictions jurisdictions;

	CurrentUserModel(CurrentUser currentUser, Jurisdictions jurisdictions) {
		this.currentUser = currentUser;
		this.jurisdictions = jurisdictions;
	}

	/**
	 * What a page needs to know of its viewer; {@code keepsEnterpriseAccounts}: may open the accounts of the
	 * enterprises within their reach.
	 */
	public record Viewer(String username, String displayName, String scopeName, boolean admin, boolean leader,
			boolean enterprise, boolean keepsEnterpriseAccounts) {
	}

	@ModelAttribute("me")
	Viewer me() {
		return currentUser.principal().map(this::viewer).orElse(null);
	}

	@Override
	public void contribute(Map<String, Object> model) {
		model.put("me", me());
	}

	private Viewer viewer(AnjianPrincipal p) {
		String scopeName = jurisdictions.findById(p.scope().code()).map(j -> j.name()).orElse(p.scope().code());
		return new Viewer(p.getUsername(), p.displayName(), scopeName, p.hasRole(Role.ADMIN), p.hasRole(Role.LEADER),
				p.hasRole(Role.ENTERPRISE), EnterpriseAccountPolicy.mayKeepAccounts(p.roles()).allowed());
	}
}
