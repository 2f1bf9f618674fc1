package org.anjian;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way a test gets a year of its own for plans, draws and dashboards: far in the future, never handed out
 * twice in one run, so that tests sharing the database never count each other's data.
 */
public final class TestYears {

	/**
	 * Within the years a plan or a hazard year may have (2000–2100), far from the demo's (this year) and from the few
	 * years tests still fix for a reason (the 2026 holiday calendar, the dashboard's 2085–2100).
	 */
	static final int FIRST = 2041, LAST = 2084;

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
