package org.anjian;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one way a test gets a year of its own for plans, draws and dashboards: far in the future, never handed out
 * twice in one run, so that tests sharing the database never count each other's data.
 */
public final class TestYears {

	/** Above every year a test used to pick by hand and every year the demo or the generators fill. */
	private static final AtomicInteger NEXT = new AtomicInteger(2101);

	private TestYears() {
	}

	public static int fresh() {
		return NEXT.getAndIncrement();
	}
}
