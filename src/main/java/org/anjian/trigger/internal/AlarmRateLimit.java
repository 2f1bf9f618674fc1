package org.anjian.trigger.internal;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A token bucket per alarm source, in memory: a burst of {@code capacity} requests, refilled at
 * {@code perSecond}. Per instance, which is enough to stop one runaway monitoring system from flooding an instance;
 * a repeat of an alarm costs a token too, since it costs a request.
 */
@Component
public class AlarmRateLimit {

	private final int capacity;
	private final double perSecond;
	private final Clock clock;
	private final ConcurrentMap<Long, Bucket> buckets = new ConcurrentHashMap<>();

	public AlarmRateLimit(@Value("${anjian.trigger.alarm-burst:300}") int capacity,
			@Value("${anjian.trigger.alarms-per-second:20}") double perSecond, Clock clock) {
		this.capacity = capacity;
		this.perSecond = perSecond;
		this.clock = clock;
	}

	/** Takes one token of the source's bucket: false when it is empty. */
	public boolean tryTake(long sourceId) {
		return buckets.computeIfAbsent(sourceId, id -> new Bucket(capacity, clock.millis())).take(capacity, perSecond,
				clock.millis());
	}

	/** How long until a token is back, rounded up to whole seconds. */
	public long retryAfterSeconds() {
		return Math.max(1, (long) Math.ceil(1 / perSecond));
	}

	private static final class Bucket {

		private double tokens;
		private long at;

		Bucket(int tokens, long at) {
			this.tokens = tokens;
			this.at = at;
		}

		synchronized boolean take(int capacity, double perSecond, long now) {
			tokens = Math.min(capacity, tokens + Math.max(0, now - at) * perSecond / 1000);
			at = now;
			if (tokens < 1) {
				return false;
			}
			tokens -= 1;
			return true;
		}
	}
}
