package org.anjian.trigger.internal;

import java.util.List;
import java.util.function.Supplier;

import org.anjian.shared.database.SystemScope;
import org.springframework.stereotype.Service;

/**
 * Where monitoring systems' alarms come in. A machine has no login: its API key names its source, and the alarm is
 * stored as the system on the source's behalf, only for an enterprise within the source's jurisdiction. Each key
 * has its own allowance of requests ({@link AlarmRateLimit}), so that one runaway system cannot flood the rest.
 */
@Service
public class AlarmIntake {

	/** The alarm as stored, whether this request stored it (false: a repeat), and what it triggered. */
	public record Receipt(Alarm alarm, boolean created, List<TriggerRecord> triggers) {
	}

	/** A missing, unknown or deactivated API key (401): nothing is stored. */
	public static class UnknownSource extends RuntimeException {

		UnknownSource(String message) {
			super(message);
		}
	}

	/** Too many requests with one key just now (429): nothing is stored; the source sends again later. */
	public static class TooManyAlarms extends RuntimeException {

		private final long retryAfterSeconds;

		TooManyAlarms(String message, long retryAfterSeconds) {
			super(message);
			this.retryAfterSeconds = retryAfterSeconds;
		}

		public long retryAfterSeconds() {
			return retryAfterSeconds;
		}
	}

	private final AlarmSources sources;
	private final AlarmRecording recording;
	private final AlarmRateLimit limit;

	AlarmIntake(AlarmSources sources, AlarmRecording recording, AlarmRateLimit limit) {
		this.sources = sources;
		this.recording = recording;
		this.limit = limit;
	}

	/**
	 * Authenticates the key, then reads the report and stores the alarm once (see {@link AlarmRecording}). The
	 * report is read only after the key is accepted: a caller without a valid key learns nothing about its body.
	 */
	public Receipt receive(String apiKey, Supplier<AlarmReport> body) {
		AlarmSource source = sources.authenticate(apiKey).orElseThrow(() -> new UnknownSource(apiKey == null
				|| apiKey.isBlank() ? "缺少 API 密钥：请在请求头 X-Api-Key 中提供监测源的密钥"
						: "API 密钥无效或监测源已停用：请向系统管理员确认监测源的密钥"));
		if (!limit.tryTake(source.id())) {
			throw new TooManyAlarms("监测源“" + source.name() + "”的报警请求过于频繁，请稍后重试", limit.retryAfterSeconds());
		}
		AlarmReport report = body.get();
		return SystemScope.call("alarm-source:" + source.id(), () -> recording.record(source, report));
	}
}
