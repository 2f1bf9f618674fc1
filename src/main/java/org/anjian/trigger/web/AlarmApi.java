package org.anjian.trigger.web;

import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.web.Problems;
import org.anjian.trigger.internal.Alarm;
import org.anjian.trigger.internal.AlarmIntake;
import org.anjian.trigger.internal.AlarmReport;
import org.anjian.trigger.internal.TriggerRecord;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/alarms}, for monitoring systems: machine to machine, without a login or a CSRF token (the
 * security configuration lets exactly this request through); the {@code X-Api-Key} header names the source. 201
 * with the stored alarm and what it triggered; a repeat of the same alarm id: 200 with the same answer, nothing
 * stored. The body is read only after the key is accepted.
 */
@RestController
class AlarmApi {

	static final String KEY_HEADER = "X-Api-Key";

	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

	private final AlarmIntake intake;

	AlarmApi(AlarmIntake intake) {
		this.intake = intake;
	}

	/** The body as sent: every field as text, judged by {@link AlarmReport#parse} with Chinese reasons. */
	record AlarmRequest(String alarmId, String uscc, String kind, String occurredAt, String value, String threshold,
			String message) {
	}

	record TriggerView(String origin, String outcome, String outcomeLabel, long taskId, String reason, String decision) {

		static TriggerView of(TriggerRecord r) {
			return new TriggerView(r.origin(), r.outcome().name(), r.outcome().label(), r.taskId(), r.reason(),
					r.decision());
		}
	}

	record AlarmView(long id, String alarmId, String uscc, String kind, String kindLabel, Instant occurredAt,
			String value, String threshold, String message, Instant receivedAt, boolean repeated,
			List<TriggerView> triggers) {
	}

	@PostMapping(path = "/api/alarms", consumes = MediaType.ALL_VALUE)
	ResponseEntity<AlarmView> receive(@RequestHeader(name = KEY_HEADER, required = false) String apiKey,
			@RequestBody(required = false) String body) {
		AlarmIntake.Receipt receipt = intake.receive(apiKey, () -> report(body));
		Alarm a = receipt.alarm();
		AlarmView view = new AlarmView(a.id(), a.sourceAlarmId(), a.uscc(), a.kind().name(), a.kind().label(),
				a.occurredAt(), a.value(), a.threshold(), a.message(), a.receivedAt(), !receipt.created(),
				receipt.triggers().stream().map(TriggerView::of).toList());
		return ResponseEntity.status(receipt.created() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	private static AlarmReport report(String body) {
		if (body == null || body.isBlank()) {
			throw new InvalidInputException("body", "请求体为空：请以 JSON 提交 alarmId、uscc、kind、occurredAt 等字段");
		}
		AlarmRequest request;
		try {
			request = JSON.readValue(body, AlarmRequest.class);
		}
		catch (JacksonException e) {
			throw new InvalidInputException("body", "请求体不是有效的 JSON：请以 JSON 对象提交 alarmId、uscc、kind、occurredAt 等字段");
		}
		return AlarmReport.parse(request.alarmId(), request.uscc(), request.kind(), request.occurredAt(),
				request.value(), request.threshold(), request.message());
	}

	@ExceptionHandler(AlarmIntake.UnknownSource.class)
	ResponseEntity<Object> unknownSource(AlarmIntake.UnknownSource e, HttpServletRequest request) {
		return problem(Problems.of(HttpStatus.UNAUTHORIZED, "监测源未认证", e.getMessage(), request.getRequestURI()),
				new HttpHeaders());
	}

	@ExceptionHandler(AlarmIntake.TooManyAlarms.class)
	ResponseEntity<Object> tooMany(AlarmIntake.TooManyAlarms e, HttpServletRequest request) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()));
		return problem(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁", e.getMessage(), request.getRequestURI()),
				headers);
	}

	private static ResponseEntity<Object> problem(ProblemDetail problem, HttpHeaders headers) {
		return ResponseEntity.status(problem.getStatus()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem);
	}
}
