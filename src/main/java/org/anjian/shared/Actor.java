package org.anjian.shared;

/**
 * Who is acting: a user name, the enforcement body they act for (null for users outside any body), the
 * jurisdiction their acts are scoped to, and for an enterprise's own user the credit code of that enterprise
 * (null for officers): such a user sees only its own enterprise, never the jurisdiction's data.
 */
public record Actor(String username, Long bodyId, JurisdictionScope scope, String enterpriseUscc) {

	public Actor(String username, Long bodyId, JurisdictionScope scope) {
		this(username, bodyId, scope, null);
	}

	public boolean isEnterprise() {
		return enterpriseUscc != null;
	}
}
