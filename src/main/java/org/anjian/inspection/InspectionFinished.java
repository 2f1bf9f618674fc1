package org.anjian.inspection;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An inspection record was finished (现场检查记录): the enterprise, where it lies, when, and what the inspection found
 * — each failed item of its checklist, in the order of the on-site plan. What becomes of the findings (hazards with
 * their rectification deadlines) is for the modules that listen.
 */
@JsonIgnoreProperties(value = { "hazards", "majorHazards" }, allowGetters = true)
public record InspectionFinished(long taskId, String uscc, String districtCode, String streetCode, Instant finishedAt,
		List<Finding> findings) {

	/**
	 * A failed item: the checklist item, what was found (the item's text and the officer's note), its legal basis
	 * with the clause, and whether the item is an official major-hazard criterion (重大事故隐患判定标准).
	 */
	public record Finding(long checklistItemId, String description, String legalBasis, boolean major) {
	}

	public InspectionFinished {
		findings = findings == null ? List.of() : List.copyOf(findings);
	}

	/** How many hazards (事故隐患) the inspection found. */
	@JsonProperty
	public int hazards() {
		return findings.size();
	}

	/** Of them, the major ones (重大事故隐患). */
	@JsonProperty
	public int majorHazards() {
		return (int) findings.stream().filter(Finding::major).count();
	}
}
