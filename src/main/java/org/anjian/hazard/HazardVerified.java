package org.anjian.hazard;

import java.time.LocalDate;

/** A hazard was verified removed and closed (复查销号). */
public record HazardVerified(long hazardId, String uscc, LocalDate on, boolean major) {
}
