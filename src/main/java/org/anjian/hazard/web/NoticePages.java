package org.anjian.hazard.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.anjian.hazard.Department;
import org.anjian.hazard.DepartmentNotification;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.NoticeLetters;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
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
	private final JdbcClient jdbc;

	NoticePages(DepartmentNotification notification, NoticeLetters letters, HazardRectification rectification,
			JdbcClient jdbc) {
		this.notification = notification;
		this.letters = letters;
		this.rectification = rectification;
		this.jdbc = jdbc;
	}

	@GetMapping("/hazards/{id}/notices")
	String notices(@PathVariable long id, Model model) {
		Hazard hazard = rectification.hazard(id);
		model.addAttribute("hazard", hazard);
		model.addAttribute("enterprise", jdbc.sql("select name from enterprise where uscc = :uscc")
			.param("uscc", hazard.uscc()).query(String.class).optional().orElse(hazard.uscc()));
		model.addAttribute("notices", notification.ofHazard(id));
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
		try {
			var notice = notification.send(id, new DepartmentNotification.NoticeOrder(department(department), departmentName,
					request, replyBy));
			redirect.addFlashAttribute("done", "已抄告" + notice.departmentName() + "（" + notice.number() + "）");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
		}
		return "redirect:/hazards/" + id + "/notices";
	}

	@PostMapping("/hazards/{id}/notices/{noticeId}/reply")
	String reply(@PathVariable long id, @PathVariable long noticeId, @RequestParam(required = false) String reply,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate repliedOn,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		notification.notice(id, noticeId);
		try {
			notification.recordReply(id, noticeId, reply, repliedOn, version);
			redirect.addFlashAttribute("done", "已登记回复");
		}
		catch (InvalidInputException | InvalidTransitionException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("refused", "抄告已被他人更新，请查看最新内容后重试");
		}
		return "redirect:/hazards/" + id + "/notices#notice-" + noticeId;
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
