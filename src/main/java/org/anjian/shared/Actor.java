package org.anjian.shared;

/**
 * Who is acting: a user name, the enforcement body they act for (null for users outside any body), the
 * jurisdiction their acts are scoped to, for an enterprise's own user the credit code of that enterprise
 * (null for officers): such a user sees only its own enterprise, never the jurisdiction's data; and whether they
 * lead (领导): a leader reads what a body keeps for itself and its leaders (the enterprises' ratings of its
 * inspections) across their jurisdiction.
 */
public record Actor(String username, Long bodyId, JurisdictionScope scope, String enterpriseUscc, boolean leader) {

	public Actor(String username, Long bodyId, JurisdictionScope scope) {
		this(username, bodyId, scope, null, false);
	}

	public Actor(String username, Long bodyId, JurisdictionScope scope, String enterpriseUscc) {
		this(username, bodyId, scope, enterpriseUscc, false);
	}

	public boolean isEnterprise() {
		return enterpriseUscc != null;
	}
}
