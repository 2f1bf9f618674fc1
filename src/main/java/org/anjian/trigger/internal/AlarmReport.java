package org.anjian.trigger.internal;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.Uscc;
import org.anjian.shared.Zone;

/**
 * An alarm as a monitoring system sends it: its own id at the source (what makes a repeat the same alarm), the
 * enterprise's credit code, the kind, when it occurred, the measured value and threshold as text (units differ by
 * sensor), and the source's message. Refused with a Chinese reason before anything is stored.
 */
public record AlarmReport(String alarmId, String uscc, AlarmKind kind, OffsetDateTime occurredAt, String value,
		String threshold, String message) {

	static final int MAX_ID = 200;
	static final int MAX_TEXT = 2_000;

	public AlarmReport {
		if (alarmId == null || alarmId.isBlank()) {
			throw new InvalidInputException("alarmId", "请提供报警在监测系统中的编号（alarmId），重复发送同一编号的报警只记录一次");
		}
		alarmId = alarmId.trim();
		if (alarmId.length() > MAX_ID) {
			throw new InvalidInputException("alarmId", "报警编号最长 " + MAX_ID + " 个字符");
		}
		uscc = Uscc.of(uscc).value();
		if (kind == null) {
			throw new InvalidInputException("kind", "请提供报警类型（kind），例如 DUST_CONCENTRATION（粉尘浓度超限）、"
					+ "COMBUSTIBLE_GAS（可燃气体浓度超限）、AMMONIA_LEAK（氨泄漏）");
		}
		if (occurredAt == null) {
			throw new InvalidInputException("occurredAt", "请提供报警发生时间（occurredAt，带时区，例如 2026-11-30T10:15:00+08:00）");
		}
		value = text("value", value);
		threshold = text("threshold", threshold);
		message = text("message", message);
	}

	/**
	 * The report from the texts of a request: the kind by its name, the time in ISO 8601 with its offset (without
	 * one it is taken as Shanghai time).
	 */
	public static AlarmReport parse(String alarmId, String uscc, String kind, String occurredAt, String value,
			String threshold, String message) {
		return new AlarmReport(alarmId, uscc, kind(kind), time(occurredAt), value, threshold, message);
	}

	private static AlarmKind kind(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return AlarmKind.valueOf(kind.trim().toUpperCase());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("kind", "未知的报警类型“" + kind.trim() + "”，可用的类型："
					+ Arrays.stream(AlarmKind.values()).map(k -> k.name() + "（" + k.label() + "）")
						.collect(Collectors.joining("、")));
		}
	}

	private static OffsetDateTime time(String time) {
		if (time == null || time.isBlank()) {
			return null;
		}
		try {
			return OffsetDateTime.parse(time.trim());
		}
		catch (DateTimeParseException e) {
			try {
				LocalDateTime local = LocalDateTime.parse(time.trim());
				return local.atZone(Zone.SHANGHAI).toOffsetDateTime();
			}
			catch (DateTimeParseException again) {
				throw new InvalidInputException("occurredAt", "报警发生时间“" + time.trim()
						+ "”无法识别，请用 ISO 8601 格式，例如 2026-11-30T10:15:00+08:00");
			}
		}
	}

	private static String text(String field, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		if (text.length() > MAX_TEXT) {
			throw new InvalidInputException(field, field + " 最长 " + MAX_TEXT + " 个字符");
		}
		return text.trim();
	}
}
