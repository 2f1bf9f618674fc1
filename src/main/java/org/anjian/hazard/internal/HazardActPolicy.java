package org.anjian.hazard.internal;

import org.anjian.shared.Allowance;
import org.anjian.shared.DivisionCode;
import org.anjian.shared.JurisdictionScope;

/**
 * Who acts on a hazard: the body that found it and those above it on its branch (a district brigade over its
 * streets, the city corps over all), whose scope covers the jurisdiction the hazard records as acting
 * ({@code acting_code}); everyone whose jurisdiction covers the enterprise's place reads it. So the officers of a
 * street follow the hazards the district or the city found in their street, and leave the order, the re-inspection and
 * the closure to the body that found them — as row-level security decides for the hazard's own row. A pure rule: the
 * caller gives the actor's scope and the acting body's name.
 */
public final class HazardActPolicy {

	private HazardActPolicy() {
	}

	/** Whether an officer of {@code scope} acts on a hazard acted on by the jurisdiction {@code actingCode}. */
	public static Allowance act(JurisdictionScope scope, String actingCode, String actingBody) {
		JurisdictionScope acting = JurisdictionScope.of(DivisionCode.of(actingCode));
		if (scope.covers(acting.districtCode(), acting.streetCode())) {
			return Allowance.granted();
		}
		return Allowance.refused("该隐患由" + (actingBody == null ? "其他执法主体" : actingBody)
				+ "检查发现，由其办理；您可以查看，但不能办理");
	}
}
