package org.anjian.hazard.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.HazardStatus;
import org.anjian.hazard.internal.HazardEvidence;
import org.anjian.hazard.internal.HazardLedger;
import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.PageActs;
import org.anjian.shared.web.Pager;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The enterprise's side of its hazards (我的隐患): its hazards with their deadlines and the reminders the deadline
 * job left it; a hazard with the form to report its rectification with photos or documents. Row security gives
 * its user its own enterprise's hazards only: another's is not found.
 */
@Controller
@PreAuthorize("hasRole('ENTERPRISE')")
class MyHazardPages {

	private final HazardLedger ledger;
	private final HazardRectification rectification;
	private final HazardEvidence evidence;
	private final CurrentActor actors;

	MyHazardPages(HazardLedger ledger, HazardRectification rectification, HazardEvidence evidence,
			CurrentActor actors) {
		this.ledger = ledger;
		this.rectification = rectification;
		this.evidence = evidence;
		this.actors = actors;
	}

	@GetMapping("/my/hazards")
	String mine(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		actor();
		ResultPage<HazardLedger.Line> lines = ledger.own(page);
		model.addAttribute("lines", lines);
		model.addAttribute("pager", Pager.of(lines, request));
		model.addAttribute("reminders", ledger.reminders());
		return "hazard/mine";
	}

	@GetMapping("/my/hazards/{id}")
	String hazard(@PathVariable long id, Model model) {
		Hazard hazard = rectification.hazard(id);
		model.addAttribute("line", ledger.line(hazard));
		model.addAttribute("hazard", hazard);
		model.addAttribute("files", evidence.files(id));
		model.addAttribute("canReport", hazard.status() == HazardStatus.RECTIFYING);
		model.addAttribute("maxMegabytes", HazardEvidence.MAX_BYTES / 1024 / 1024);
		return "hazard/my-detail";
	}

	/** The enterprise reports its rectification: what it did, and the photos or documents that show it. */
	@PostMapping("/my/hazards/{id}/evidence")
	String report(@PathVariable long id, @RequestParam(required = false) String note,
			@RequestParam(required = false) List<MultipartFile> files, @RequestParam(required = false) Integer version,
			HttpServletRequest form, RedirectAttributes redirect) throws IOException {
		rectification.hazard(id);
		List<HazardEvidence.Upload> uploads = new ArrayList<>();
		if (files != null) {
			for (MultipartFile file : files) {
				uploads.add(new HazardEvidence.Upload(file.getOriginalFilename(), file.getBytes()));
			}
		}
		String by = actor().username();
		return PageActs.act("/my/hazards/" + id, redirect, form, () -> {
			evidence.submit(id, note, uploads, version, by);
			return "已提交整改情况，等待执法人员复查";
		});
	}

	@GetMapping("/my/hazards/{id}/evidence/{fileId}")
	ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
		return EvidenceDownload.of(evidence.file(id, fileId));
	}

	private Actor actor() {
		return actors.current().filter(Actor::isEnterprise)
			.orElseThrow(() -> new AccessDeniedException("只有企业用户可以查看本企业的隐患"));
	}
}
