package org.anjian.planning.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Officer;
import org.anjian.organization.Organization;
import org.anjian.planning.internal.HolidayCalendar;
import org.anjian.planning.internal.OfficerAvailability;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.web.PageActs;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of officers' availability and of the holiday calendar. The availability page lists a body's officers
 * with their active conflicts of interest (回避) and absences, and offers each caller only the forms they may
 * use: an officer declares for themself, a leader or administrator of the body records for its officers. The
 * calendar page shows a year with unverified days flagged; an administrator edits and verifies it there. A
 * refused act comes back as a message on the same page; rows outside the caller's jurisdiction are not found.
 */
@Controller
class AvailabilityPages {

	private final OfficerAvailability availability;
	private final HolidayCalendar calendar;
	private final Organization organization;
	private final EnforcementBodies bodies;
	private final CurrentActor actors;
	private final Clock clock;

	AvailabilityPages(OfficerAvailability availability, HolidayCalendar calendar, Organization organization,
			EnforcementBodies bodies, CurrentActor actors, Clock clock) {
		this.availability = availability;
		this.calendar = calendar;
		this.organization = organization;
		this.bodies = bodies;
		this.actors = actors;
		this.clock = clock;
	}

	/** A line of the availability table, with what the caller may do for that officer. */
	public record OfficerRow(OfficerAvailability.OfficerAvailabilityView view, boolean mayDeclare,
			boolean mayRecordAbsence) {
	}

	@GetMapping("/officers/availability")
	@PreAuthorize(AvailabilityApi.STAFF)
	String availability(@RequestParam(required = false) Long bodyId,
			@RequestParam(defaultValue = "false") boolean history, Model model) {
		Long shown = bodyId != null ? bodyId : actors.current().map(a -> a.bodyId()).orElse(null);
		model.addAttribute("bodies", bodies.findAllOrdered());
		model.addAttribute("history", history);
		model.addAttribute("today", LocalDate.now(clock));
		if (shown == null) {
			model.addAttribute("body", null);
			model.addAttribute("bodyId", null);
			model.addAttribute("officers", List.of());
			return "planning/availability";
		}
		EnforcementBody body = organization.body(shown);
		model.addAttribute("body", body);
		model.addAttribute("bodyId", body.id());
		model.addAttribute("officers", availability.availability(shown, history).stream()
			.map(v -> new OfficerRow(v, availability.mayDeclareFor(v.officer()),
					availability.mayRecordAbsenceFor(v.officer())))
			.toList());
		return "planning/availability";
	}

	@PostMapping("/officers/{officerId}/recusals")
	@Authorized(Act.DECLARE_RECUSAL)
	String declare(@PathVariable long officerId, @RequestParam(required = false) String uscc,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		Officer officer = organization.officer(officerId);
		return PageActs.act(availabilityOf(officer), redirect, () -> {
			OfficerAvailability.Recusal r = availability.declare(officerId, uscc, reason);
			return "已登记 " + officer.name() + " 对 " + r.enterpriseName() + "（" + r.uscc() + "）的回避申报";
		});
	}

	@PostMapping("/officers/{officerId}/recusals/{recusalId}/withdrawal")
	@Authorized(Act.DECLARE_RECUSAL)
	String withdraw(@PathVariable long officerId, @PathVariable long recusalId, RedirectAttributes redirect) {
		Officer officer = organization.officer(officerId);
		return PageActs.act(availabilityOf(officer), redirect, () -> {
			OfficerAvailability.Recusal r = availability.withdraw(officerId, recusalId);
			return "已撤回 " + officer.name() + " 对 " + r.enterpriseName() + " 的回避申报（记录保留）";
		});
	}

	@PostMapping("/officers/{officerId}/absences")
	@Authorized(Act.RECORD_ABSENCE)
	String recordAbsence(@PathVariable long officerId, @RequestParam(required = false) String startsOn,
			@RequestParam(required = false) String endsOn, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Officer officer = organization.officer(officerId);
		return PageActs.act(availabilityOf(officer), redirect, () -> {
			OfficerAvailability.Absence a = availability.recordAbsence(officerId, startsOn, endsOn, reason);
			return "已登记 " + officer.name() + " " + a.startsOn() + " 至 " + a.endsOn() + " 请假或外出";
		});
	}

	@PostMapping("/officers/{officerId}/absences/{absenceId}/removal")
	@Authorized(Act.RECORD_ABSENCE)
	String removeAbsence(@PathVariable long officerId, @PathVariable long absenceId, RedirectAttributes redirect) {
		Officer officer = organization.officer(officerId);
		return PageActs.act(availabilityOf(officer), redirect, () -> {
			OfficerAvailability.Absence a = availability.removeAbsence(officerId, absenceId);
			return "已删除 " + officer.name() + " " + a.startsOn() + " 至 " + a.endsOn() + " 的请假或外出登记";
		});
	}

	// ---- the holiday calendar

	@GetMapping("/calendar")
	String thisYear(Model model) {
		return year(LocalDate.now(clock).getYear(), model);
	}

	@GetMapping("/calendar/{year}")
	String year(@PathVariable int year, Model model) {
		model.addAttribute("calendar", calendar.year(year));
		model.addAttribute("admin", role("ROLE_ADMIN"));
		return "planning/calendar";
	}

	@PostMapping("/calendar/days")
	@Authorized(Act.KEEP_CALENDAR)
	String enter(@RequestParam(required = false) String day, @RequestParam(required = false) String name,
			@RequestParam(required = false) String working, @RequestParam(required = false) String source,
			RedirectAttributes redirect) {
		LocalDate parsed;
		try {
			parsed = AvailabilityApi.date(day, "day", "日期");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
			return "redirect:/calendar";
		}
		return PageActs.act("/calendar/" + parsed.getYear(), redirect, () -> {
			HolidayCalendar.Day d = calendar.enter(parsed, name, working == null ? null : "true".equals(working), source);
			return "已保存 " + d.day() + " " + d.name() + "（待核对）";
		});
	}

	@PostMapping("/calendar/days/{day}/verification")
	@Authorized(Act.KEEP_CALENDAR)
	String verify(@PathVariable String day, RedirectAttributes redirect) {
		LocalDate parsed = AvailabilityApi.date(day, "day", "日期");
		return PageActs.act("/calendar/" + parsed.getYear(), redirect,
				() -> "已核对 " + calendar.verify(parsed).day());
	}

	@PostMapping("/calendar/days/{day}/removal")
	@Authorized(Act.KEEP_CALENDAR)
	String remove(@PathVariable String day, RedirectAttributes redirect) {
		LocalDate parsed = AvailabilityApi.date(day, "day", "日期");
		return PageActs.act("/calendar/" + parsed.getYear(), redirect, () -> {
			HolidayCalendar.Day d = calendar.remove(parsed);
			return "已删除 " + d.day() + " " + d.name();
		});
	}

	@PostMapping("/calendar/{year}/verification")
	@Authorized(Act.KEEP_CALENDAR)
	String verifyYear(@PathVariable int year, RedirectAttributes redirect) {
		return PageActs.act("/calendar/" + year, redirect,
				() -> "已核对 " + year + " 年 " + calendar.verifyYear(year) + " 天");
	}

	/** Where an act on an officer's availability returns: the page of the officer's body. */
	private static String availabilityOf(Officer officer) {
		return "/officers/availability?bodyId=" + officer.bodyId();
	}

	private static boolean role(String authority) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}
}
