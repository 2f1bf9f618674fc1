package org.anjian.enterprise.internal;

import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionLevel;

/**
 * A search of the registry: a name fragment or credit-code prefix, place, sector, tag, supervision level, key
 * unit, operating status, risk grade (A to D, as the grading module stores it); a page of {@code size} rows (at
 * most 200).
 */
public record EnterpriseQuery(String q, String district, String street, Sector sector, RiskTag tag,
		JurisdictionLevel level, Boolean keyUnit, OperatingStatus status, int page, int size, String grade) {

	public EnterpriseQuery(String q, String district, String street, Sector sector, RiskTag tag, JurisdictionLevel level,
			Boolean keyUnit, OperatingStatus status, int page, int size) {
		this(q, district, street, sector, tag, level, keyUnit, status, page, size, null);
	}

	public EnterpriseQuery {
		grade = grade == null || grade.isBlank() ? null : grade.trim().toUpperCase();
		if (grade != null && !grade.matches("[ABCD]")) {
			throw new InvalidInputException("grade", "风险等级应为 A、B、C 或 D，收到：" + grade);
		}
		q = q == null || q.isBlank() ? null : q.trim();
		district = district == null || district.isBlank() ? null : district.trim();
		street = street == null || street.isBlank() ? null : street.trim();
		page = Math.max(page, 0);
		size = size <= 0 ? 20 : Math.min(size, 200);
	}

	public static EnterpriseQuery all(int size) {
		return new EnterpriseQuery(null, null, null, null, null, null, null, null, 0, size);
	}
}
