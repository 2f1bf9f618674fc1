package org.anjian.hazard;

import java.time.LocalDate;

/** A re-inspection (复查) found the hazard not removed: the enterprise rectifies again by the new deadline. */
public record HazardReinspectionFailed(long hazardId, String uscc, String districtCode, String streetCode,
		LocalDate newDeadline, boolean major, String reason) {
}
