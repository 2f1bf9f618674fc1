package org.anjian.grading.internal;

import java.util.Set;

import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.enterprise.StandardizationGrade;

/** What the enterprise file says that the score takes into account, and where the enterprise is. */
public record EnterpriseTraits(String uscc, String districtCode, String streetCode, Sector sector, Set<RiskTag> riskTags,
		Integer majorHazardLevel, StandardizationGrade standardizationGrade, boolean liabilityInsurance) {

	public EnterpriseTraits {
		riskTags = Set.copyOf(riskTags);
	}
}
