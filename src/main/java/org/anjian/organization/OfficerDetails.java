package org.anjian.organization;

import java.util.Set;

/** What is said of an officer when appointing or correcting them. */
public record OfficerDetails(String name, String badgeNumber, Long bodyId, String phone,
		Set<Certification> certifications, Boolean active, Integer version) {
}
