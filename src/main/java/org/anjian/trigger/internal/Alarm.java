package org.anjian.trigger.internal;

import java.time.Instant;

/** An alarm as its source reported it, once, whatever the number of times it was sent. */
public record Alarm(long id, long sourceId, String sourceAlarmId, String uscc, AlarmKind kind, Instant occurredAt,
		String value, String threshold, String message, Instant receivedAt) {
}
