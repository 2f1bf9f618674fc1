package org.anjian.hazard;

import java.time.Instant;
import java.time.LocalDate;

/** Hazards in a given state without a database, for the tests of the module's internals (listings, notices). */
public final class TestHazards {

	private TestHazards() {
	}

	/** Hazard 7 of a 普陀 enterprise, found on 1 November 2026, due by {@code deadline}. */
	public static Hazard in(HazardStatus status, boolean major, LocalDate deadline) {
		return new Hazard(7L, "310107", "310107005", "310107", "91310107MA1G8XXXXX", null, null, "液氨储罐区未设置泄漏报警装置", null,
				major, status, Instant.parse("2026-11-01T02:00:00Z"), deadline, null, null, null, null, null, 0);
	}
}
