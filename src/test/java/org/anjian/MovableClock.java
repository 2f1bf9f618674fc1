package org.anjian;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.anjian.shared.Zone;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The application's clock in tests: real time until a test moves it (a deadline passes, a year turns), and real time
 * again after {@link #reset()}. Tests that move it reset it when they end, since the test contexts are shared.
 */
@Primary
@Component
public class MovableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	@Override
	public ZoneId getZone() {
		return Zone.SHANGHAI;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), offset);
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}

	/** Moves time forward (or back, with a negative duration) from where it stands. */
	public void advance(Duration by) {
		offset = offset.plus(by);
	}

	public void advanceDays(long days) {
		advance(Duration.ofDays(days));
	}

	/** Back to real time. */
	public void reset() {
		offset = Duration.ZERO;
	}
}
