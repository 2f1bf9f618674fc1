package org.anjian.trigger;

import java.time.Instant;

/** A monitoring system that reports alarms: a district's, or the city's when it has no district. */
public record AlarmSource(long id, String name, String districtCode, boolean active, String registeredBy,
		Instant registeredAt, Instant deactivatedAt, int version) {

	/** Whether an enterprise of this district lies within the source's jurisdiction. */
	public boolean covers(String enterpriseDistrict) {
		return districtCode == null || districtCode.equals(enterpriseDistrict);
	}
}
