package org.anjian.hazard;

import java.time.LocalDate;

/** A hazard's rectification deadline passed without the enterprise submitting its rectification (逾期未整改). */
public record HazardOverdue(long hazardId, String uscc, String districtCode, String streetCode, LocalDate deadline,
		boolean major, String description) {
}
