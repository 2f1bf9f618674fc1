package org.anjian.planning.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.planning.internal.HolidayCalendar;
import org.anjian.planning.internal.OfficerAvailability;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * REST for officers' conflicts of interest (回避) and absences, and for the national holiday calendar. An officer
 * declares their own conflicts; a leader or administrator of the officer's body records either for any officer
 * of the body. Everyone logged in reads the calendar; only an administrator changes it. Officers and records
 * outside the caller's jurisdiction are not found.
 */
@RestController
class AvailabilityApi {

	static final String STAFF = "hasAnyRole('ADMIN', 'LEADER', 'LEGAL_REVIEWER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')";

	private final OfficerAvailability availability;
	private final HolidayCalendar calendar;
	private final CurrentActor actors;
	private final Clock clock;

	AvailabilityApi(OfficerAvailability availability, HolidayCalendar calendar, CurrentActor actors, Clock clock) {
		this.availability = availability;
		this.calendar = calendar;
		this.actors = actors;
		this.clock = clock;
	}

	record RecusalRequest(String uscc, String reason) {
	}

	record AbsenceRequest(String startsOn, String endsOn, String reason) {
	}

	record DayRequest(String name, Boolean working, String source) {
	}

	record Verified(int year, int verified) {
	}

	@GetMapping("/api/recusals")
	@PreAuthorize(STAFF)
	List<OfficerAvailability.Recusal> bodyRecusals(@RequestParam(required = false) Long bodyId) {
		return availability.activeRecusalsOfBody(body(bodyId));
	}

	/** The absences of a body's officers not over by a day (today unless given). */
	@GetMapping("/api/absences")
	@PreAuthorize(STAFF)
	List<OfficerAvailability.Absence> bodyAbsences(@RequestParam(required = false) Long bodyId,
			@RequestParam(required = false) String from) {
		LocalDate day = from == null || from.isBlank() ? LocalDate.now(clock)
				: date(from, "from", "起始日期");
		return availability.absencesOfBody(body(bodyId), day);
	}

	@GetMapping("/api/officers/{officerId}/recusals")
	@PreAuthorize(STAFF)
	List<OfficerAvailability.Recusal> recusals(@PathVariable long officerId,
			@RequestParam(defaultValue = "false") boolean withdrawn) {
		return availability.recusals(officerId, withdrawn);
	}

	@PostMapping("/api/officers/{officerId}/recusals")
	@ResponseStatus(HttpStatus.CREATED)
	@Authorized(Act.DECLARE_RECUSAL)
	OfficerAvailability.Recusal declare(@PathVariable long officerId, @RequestBody RecusalRequest request) {
		return availability.declare(officerId, request.uscc(), request.reason());
	}

	@PostMapping("/api/officers/{officerId}/recusals/{recusalId}/withdrawal")
	@Authorized(Act.DECLARE_RECUSAL)
	OfficerAvailability.Recusal withdraw(@PathVariable long officerId, @PathVariable long recusalId) {
		return availability.withdraw(officerId, recusalId);
	}

	@GetMapping("/api/officers/{officerId}/absences")
	@PreAuthorize(STAFF)
	List<OfficerAvailability.Absence> absences(@PathVariable long officerId) {
		return availability.absences(officerId);
	}

	@PostMapping("/api/officers/{officerId}/absences")
	@ResponseStatus(HttpStatus.CREATED)
	@Authorized(Act.RECORD_ABSENCE)
	OfficerAvailability.Absence recordAbsence(@PathVariable long officerId, @RequestBody AbsenceRequest request) {
		return availability.recordAbsence(officerId, request.startsOn(), request.endsOn(), request.reason());
	}

	@DeleteMapping("/api/officers/{officerId}/absences/{absenceId}")
	@Authorized(Act.RECORD_ABSENCE)
	OfficerAvailability.Absence removeAbsence(@PathVariable long officerId, @PathVariable long absenceId) {
		return availability.removeAbsence(officerId, absenceId);
	}

	@GetMapping("/api/calendar/{year}")
	HolidayCalendar.Year year(@PathVariable int year) {
		return calendar.year(year);
	}

	@PutMapping("/api/calendar/days/{day}")
	@Authorized(Act.KEEP_CALENDAR)
	HolidayCalendar.Day enter(@PathVariable String day, @RequestBody DayRequest request) {
		return calendar.enter(date(day, "day", "日期"), request.name(), request.working(), request.source());
	}

	@DeleteMapping("/api/calendar/days/{day}")
	@Authorized(Act.KEEP_CALENDAR)
	HolidayCalendar.Day remove(@PathVariable String day) {
		return calendar.remove(date(day, "day", "日期"));
	}

	@PostMapping("/api/calendar/days/{day}/verification")
	@Authorized(Act.KEEP_CALENDAR)
	HolidayCalendar.Day verify(@PathVariable String day) {
		return calendar.verify(date(day, "day", "日期"));
	}

	@PostMapping("/api/calendar/{year}/verification")
	@Authorized(Act.KEEP_CALENDAR)
	Verified verifyYear(@PathVariable int year) {
		return new Verified(year, calendar.verifyYear(year));
	}

	private long body(Long bodyId) {
		if (bodyId != null) {
			return bodyId;
		}
		Long own = actors.current().orElseThrow(() -> new AccessDeniedException("请先登录")).bodyId();
		if (own == null) {
			throw new InvalidInputException("bodyId", "您的账号未关联执法主体，请指定执法主体（bodyId）");
		}
		return own;
	}

	static LocalDate date(String text, String field, String label) {
		return OfficerAvailability.date(text, field, label);
	}
}
