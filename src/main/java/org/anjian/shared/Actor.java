package org.anjian.shared;

/**
 * Who is acting: a user name, the enforcement body they act for (null for users outside any body), and
 * the jurisdiction their acts are scoped to.
 */
public record Actor(String username, Long bodyId, JurisdictionScope scope) {
}
