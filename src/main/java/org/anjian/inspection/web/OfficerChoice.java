package org.anjian.inspection.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.anjian.inspection.InspectionTask;
import org.anjian.organization.Officer;

/**
 * The two officers the task page's assignment form offers selected, so that the form as shown can be sent: what a
 * refused form sent; else the lead the task already has (from its plan item), the current officer if certified to
 * lead, or the first who is; and as second the task's own, the current officer, or the first other active officer of
 * the body — never the lead.
 */
record OfficerChoice(Long lead, Long second) {

	static OfficerChoice of(InspectionTask task, List<Officer> leads, List<Officer> staff, Long currentOfficer,
			Map<String, String> typed) {
		if (typed.containsKey("leadOfficerId") || typed.containsKey("secondOfficerId")) {
			return new OfficerChoice(id(typed.get("leadOfficerId")), id(typed.get("secondOfficerId")));
		}
		List<Long> leadIds = leads.stream().map(Officer::id).toList();
		List<Long> staffIds = staff.stream().map(Officer::id).toList();
		Long lead = Stream.of(task.leadOfficerId(), currentOfficer).filter(leadIds::contains).findFirst()
			.orElse(leadIds.isEmpty() ? null : leadIds.get(0));
		Long second = Stream.concat(Stream.of(task.secondOfficerId(), currentOfficer), staffIds.stream())
			.filter(Objects::nonNull)
			.filter(o -> staffIds.contains(o) && !o.equals(lead))
			.findFirst().orElse(null);
		return new OfficerChoice(lead, second);
	}

	private static Long id(String value) {
		try {
			return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
