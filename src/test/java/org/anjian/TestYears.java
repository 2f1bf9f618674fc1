package org.anjian;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way a test gets a year of its own for plans, draws and dashboards: far in the future, never handed out
 * twice in one run, so that tests sharing the database never count each other's data.
 */
public final class TestYears {

	/**
	 * Within the years a plan may have (2000–2999), above the demo's (this year) and every year a test still fixes for a
	 * reason (the 2026 holiday calendar, the hazard dashboard's years up to 2100, which its generator stops at).
	 */
	static final int FIRST = 2101, LAST = 2999;

	private static final AtomicInteger NEXT = new AtomicInteger(FIRST);

	private TestYears() {
	}

	public static int fresh() {
		int year = NEXT.getAndIncrement();
		if (year > LAST) {
			throw new IllegalStateException("no fresh test year left (" + FIRST + "–" + LAST + "): widen the range");
		}
		return year;
	}
}
