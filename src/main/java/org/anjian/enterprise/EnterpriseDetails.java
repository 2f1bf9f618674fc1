package org.anjian.enterprise;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * What an officer (or an import row) says of an enterprise. The supervision level and body are not said here:
 * they follow from the supervision rules, unless an officer overrides them with a reason.
 */
public record EnterpriseDetails(String uscc, String name, List<String> formerNames, String legalRepresentative,
		String safetyManager, String safetyManagerPhone, String address, String districtCode, String streetCode,
		BigDecimal longitude, BigDecimal latitude, String industryCode, Sector sector, SectorSubtype sectorSubtype,
		Set<RiskTag> riskTags, Integer majorHazardLevel, Scale scale, Integer employees, boolean keyUnit,
		String keyUnitReason, String parentGroup, StandardizationGrade standardizationGrade, boolean liabilityInsurance,
		Integer version) {
}
