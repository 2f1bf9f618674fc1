package org.anjian.hazard.web;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.HazardStatus;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.anjian.hazard.internal.HazardAuthority;
import org.anjian.hazard.internal.HazardEvidence;
import org.anjian.hazard.internal.HazardLedger;
import org.anjian.organization.Organization;
import org.anjian.shared.Act;
import org.anjian.shared.Actor;
import org.anjian.shared.ActorNames;
import org.anjian.shared.Allowance;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.ResultPage;
import org.anjian.shared.security.ActGuard;
import org.anjian.shared.web.Forms;
import org.anjian.shared.web.Pager;
import org.anjian.shared.web.PageActs;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hazard ledger for officers and leaders (隐患治理): the hazards of their jurisdiction with filters, and a
 * hazard in full with the forms of the acts its state allows — 责令限期整改, 复查销号, 复查不合格. A refused act
 * shows its reason on the page and changes nothing.
 */
@Controller
@PreAuthorize(HazardPages.STAFF)
class HazardPages {

	static final String STAFF = "hasAnyRole('LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')";

	private final HazardLedger ledger;
	private final HazardRectification rectification;
	private final HazardEvidence evidence;
	private final CurrentActor actors;
	private final HazardAuthority authority;
	private final ActorNames names;
	private final Organization organization;

	HazardPages(HazardLedger ledger, HazardRectification rectification, HazardEvidence evidence, CurrentActor actors,
			HazardAuthority authority, ActorNames names, Organization organization) {
		this.organization = organization;
		this.ledger = ledger;
		this.rectification = rectification;
		this.evidence = evidence;
		this.actors = actors;
		this.authority = authority;
		this.names = names;
	}

	@GetMapping("/hazards")
	String list(@RequestParam(required = false) String status, @RequestParam(required = false) boolean overdue,
			@RequestParam(required = false) boolean major, @RequestParam(required = false) String enterprise,
			@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		HazardLedger.Filter filter = new HazardLedger.Filter(status(status), overdue, major, enterprise);
		ResultPage<HazardLedger.Line> found = ledger.search(filter, page);
		model.addAttribute("ledger", found);
		model.addAttribute("pager", Pager.of(found, request));
		model.addAttribute("filter", filter);
		model.addAttribute("statuses", HazardStatus.values());
		return "hazard/list";
	}

	@GetMapping("/hazards/{id}")
	String hazard(@PathVariable long id, Model model) {
		Hazard hazard = rectification.hazard(id);
		var files = evidence.files(id);
		var history = ledger.history(id);
		model.addAttribute("line", ledger.line(hazard));
		model.addAttribute("hazard", hazard);
		model.addAttribute("files", files);
		model.addAttribute("history", history);
		model.addAttribute("today", rectification.today());
		// who did what, by name; who acts on the hazard (the body that found it), and whether the reader may
		List<String> people = new ArrayList<>();
		people.add(hazard.verifiedBy());
		files.forEach(f -> people.add(f.uploadedBy()));
		history.forEach(s -> people.add(s.actor()));
		model.addAttribute("names", names.of(people));
		Allowance acting = authority.mayAct(hazard);
		model.addAttribute("canAct", acting.allowed());
		model.addAttribute("mayFileCase", acting.allowed() && ActGuard.allows(Act.FILE_CASE));
		model.addAttribute("mayHandOver", acting.allowed() && !ActGuard.allows(Act.FILE_CASE)
				&& ActGuard.allows(Act.HAND_OVER_CASE));
		model.addAttribute("notActing", acting.reason());
		model.addAttribute("actingBody", authority.actingBody(hazard));
		// 复查销号 by two: the acting body's other officers, and the second of a closed hazard by name
		model.addAttribute("colleagues", acting.allowed() && hazard.status() == HazardStatus.SUBMITTED
				? authority.colleagues(hazard) : List.of());
		model.addAttribute("verifiedWith", hazard.verifiedWith() == null ? null
				: organization.officerNames(List.of(hazard.verifiedWith())).get(hazard.verifiedWith()));
		return "hazard/detail";
	}

	/** 责令限期整改. */
	@PostMapping("/hazards/{id}/rectification-order")
	String order(@PathVariable long id, @RequestParam(required = false) String deadline,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		rectification.hazard(id);
		return PageActs.act("/hazards/" + id, redirect, () -> "已责令限期整改，整改期限 "
				+ rectification.orderRectification(id, Forms.day("deadline", deadline), version).deadline());
	}

	/** 复查销号. */
	@PostMapping("/hazards/{id}/verification")
	String verify(@PathVariable long id, @RequestParam(required = false) Long secondOfficerId,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect, HttpServletRequest request) {
		rectification.hazard(id);
		return PageActs.act("/hazards/" + id, redirect, request, () -> "复查合格，隐患"
				+ rectification.verify(id, actor().username(), secondOfficerId, note, version).status().label());
	}

	/** 复查不合格: back to rectification with a new deadline and the reason. */
	@PostMapping("/hazards/{id}/reinspection-failure")
	String fail(@PathVariable long id, @RequestParam(required = false) String deadline,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
			RedirectAttributes redirect) {
		rectification.hazard(id);
		return PageActs.act("/hazards/" + id, redirect, () -> "复查不合格，已重新责令限期整改，整改期限 "
				+ rectification.failReinspection(id, Forms.day("deadline", deadline), note, version).deadline());
	}

	@GetMapping("/hazards/{id}/evidence/{fileId}")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
		return EvidenceDownload.of(evidence.file(id, fileId));
	}

	static HazardStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return HazardStatus.valueOf(status.trim());
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("status", "隐患状态“" + status + "”不存在");
		}
	}

	private Actor actor() {
		return actors.current().orElseThrow(() -> new AccessDeniedException("请先登录"));
	}
}
