package org.anjian.shared;

import java.time.ZoneId;

/**
 * The time zone every date of the platform is read in (the bureaus work in Beijing time). Code that runs with a
 * {@link java.time.Clock} takes the zone from it; this constant is for static formatters and conversions.
 */
public final class Zone {

	public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private Zone() {
	}
}
