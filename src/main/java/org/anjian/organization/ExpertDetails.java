package org.anjian.organization;

/** What is said of an expert when registering or correcting them. */
public record ExpertDetails(String name, String field, String organisation, String qualification, String phone,
		Long bodyId, Boolean active, Integer version) {
}
