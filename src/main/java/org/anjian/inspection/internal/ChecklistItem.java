package org.anjian.inspection.internal;

import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.anjian.shared.Versioned;

/**
 * A checklist item (检查项) as read: what to check, on which legal basis, for whom. {@code module} places it in
 * an on-site plan (GENERAL, SECTOR, TAG, CAMPAIGN); {@code sector}, {@code industryPrefix} (GB/T 4754 division
 * codes, comma-separated) and {@code riskTag} narrow whom it applies to; {@code matter} is the plan's matter
 * (执法事项) it serves. A city-wide item has no district. An UNVERIFIED item is flagged 待核对 until an
 * administrator checks it against the official text.
 */
public record ChecklistItem(long id, String code, String module, String sector, String industryPrefix, String riskTag,
		String matter, String text, String legalBasis, String clause, boolean majorHazard, String criterion,
		boolean remoteEligible, String status, String source, boolean active, String districtCode, String streetCode,
		Integer version) implements Versioned {

	@JsonProperty
	public boolean verified() {
		return "VERIFIED".equals(status);
	}

	@JsonProperty
	public boolean cityWide() {
		return districtCode == null;
	}

	/** The GB/T 4754 code prefixes the item is narrowed to; empty when it applies to every industry. */
	public List<String> industryPrefixes() {
		if (industryPrefix == null || industryPrefix.isBlank()) {
			return List.of();
		}
		return Arrays.stream(industryPrefix.split(",")).map(String::trim).filter(p -> !p.isEmpty()).toList();
	}

	/**
	 * Whether an enterprise of this industry falls under the item. An enterprise whose industry is not known is
	 * not given industry-specific items: they would bury the inspector in other trades' criteria.
	 */
	public boolean appliesToIndustry(String industryCode) {
		List<String> prefixes = industryPrefixes();
		if (prefixes.isEmpty()) {
			return true;
		}
		if (industryCode == null || industryCode.isBlank()) {
			return false;
		}
		String code = industryCode.trim();
		return prefixes.stream().anyMatch(code::startsWith);
	}
}
