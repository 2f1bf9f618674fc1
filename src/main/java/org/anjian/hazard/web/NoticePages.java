package org.anjian.hazard.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.internal.Department;
import org.anjian.hazard.internal.DepartmentNotice;
import org.anjian.hazard.internal.DepartmentNotification;
import org.anjian.hazard.internal.HazardAuthority;
import org.anjian.hazard.internal.HazardLedger;
import org.anjian.hazard.internal.NoticeLetters;
import org.anjian.shared.ActorNames;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of notification to other departments (抄告), for officers: a hazard's notices with their status (awaiting
 * reply past the reply-by day shown as overdue), the form to send one, the form to record a reply, and the printable
 * notice letter (抄告函) as PDF.
 */
@Controller
@PreAuthorize(ListingPages.STAFF)
class NoticePages {

	private final DepartmentNotification notification;
	private final NoticeLetters letters;
	private final HazardRectification rectification;
	private final HazardLedger ledger;
	private final HazardAuthority authority;
	private final ActorNames names;

	NoticePages(DepartmentNotification notification, NoticeLetters letters, HazardRectification rectification,
			HazardLedger ledger, HazardAuthority authority, ActorNames names) {
		this.authority = authority;
		this.names = names;
		this.notification = notification;
		this.letters = letters;
		this.rectification = rectification;
		this.ledger = ledger;
	}

	@GetMapping("/hazards/{id}/notices")
	String notices(@PathVariable long id, @RequestParam(required = false) Integer page, Model model,
			HttpServletRequest request) {
		Hazard hazard = rectification.hazard(id);
		model.addAttribute("hazard", hazard);
		model.addAttribute("enterprise", ledger.enterpriseName(hazard.uscc()));
		// a hazard's notices are few; paged all the same, like every list
		ResultPage<DepartmentNotice> notices = ResultPage.slice(notification.ofHazard(id), page, ResultPage.DEFAULT_SIZE);
		model.addAttribute("notices", notices);
		model.addAttribute("pager", Pager.of(notices, request));
		model.addAttribute("names", names.of(notices.items().stream()
			.flatMap(n -> Stream.of(n.sentBy(), n.replyRecordedBy())).toList()));
		model.addAttribute("canAct", authority.mayAct(hazard).allowed());
		model.addAttribute("today", notification.today());
		model.addAttribute("departments", Department.values());
		return "hazard/notices";
	}

	@PostMapping("/hazards/{id}/notices")
	String send(@PathVariable long id, @RequestParam(required = false) String department,
			@RequestParam(required = false) String departmentName, @RequestParam(required = false) String request,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate replyBy,
			RedirectAttributes redirect) {
		rectification.hazard(id);
		return PageActs.act("/hazards/" + id + "/notices", redirect, () -> {
			var notice = notification.send(id, new DepartmentNotification.NoticeOrder(department(department), departmentName,
					request, replyBy));
			return "已抄告" + notice.departmentName() + "（" + notice.number() + "）";
		});
	}

	@PostMapping("/hazards/{id}/notices/{noticeId}/reply")
	String reply(@PathVariable long id, @PathVariable long noticeId, @RequestParam(required = false) String reply,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate repliedOn,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		notification.notice(id, noticeId);
		return PageActs.act("/hazards/" + id + "/notices#notice-" + noticeId, redirect, () -> {
			notification.recordReply(id, noticeId, reply, repliedOn, version);
			return "已登记回复";
		});
	}

	@GetMapping("/hazards/{id}/notices/{noticeId}.pdf")
	ResponseEntity<byte[]> letter(@PathVariable long id, @PathVariable long noticeId) {
		byte[] pdf = letters.letter(id, noticeId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header("Content-Disposition", ContentDisposition.inline().filename("抄告函-" + noticeId + ".pdf",
					StandardCharsets.UTF_8).build().toString())
			.body(pdf);
	}

	private static Department department(String department) {
		if (department == null || department.isBlank()) {
			return null;
		}
		try {
			return Department.valueOf(department);
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("department", "部门“" + department + "”不在可选范围内，请选择或选“其他部门”并写明名称");
		}
	}
}
