package org.anjian.trigger.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each source has its own bucket: a burst, then one request per refill interval. */
class AlarmRateLimitTests {

	static final class MovingClock extends Clock {

		Instant now = Instant.parse("2026-11-30T02:00:00Z");

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}

	@Test
	void aSourceGetsItsBurstThenWaitsForTheRefillWhileAnotherSourceIsUnaffected() {
		MovingClock clock = new MovingClock();
		AlarmRateLimit limit = new AlarmRateLimit(3, 1, clock);

		assertThat(limit.tryTake(1)).isTrue();
		assertThat(limit.tryTake(1)).isTrue();
		assertThat(limit.tryTake(1)).isTrue();
		assertThat(limit.tryTake(1)).as("burst spent").isFalse();
		assertThat(limit.tryTake(2)).as("another source").isTrue();
		clock.now = clock.now.plus(Duration.ofMillis(1_000));
		assertThat(limit.tryTake(1)).as("one token back after a second").isTrue();
		assertThat(limit.tryTake(1)).isFalse();
	}
}
