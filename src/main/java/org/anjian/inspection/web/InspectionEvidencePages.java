package org.anjian.inspection.web;

import org.anjian.inspection.internal.InspectionEvidence;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.web.PageActs;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Photos taken during a visit and the experts who assist it, from the task and record pages. */
@Controller
@PreAuthorize(InspectionPages.STAFF)
class InspectionEvidencePages {

	private final InspectionEvidence evidence;
	private final InspectionAccess access;

	InspectionEvidencePages(InspectionEvidence evidence, InspectionAccess access) {
		this.evidence = evidence;
		this.access = access;
	}

	@PostMapping("/inspections/{id}/photos")
	String addPhoto(@PathVariable long id, @RequestParam(required = false) Long checklistItemId,
			@RequestParam(required = false) MultipartFile photo, RedirectAttributes redirect) throws java.io.IOException {
		access.requireOwn(id);
		byte[] bytes = photo == null ? null : photo.getBytes();
		return PageActs.act("/inspections/" + id + "/record" + (checklistItemId == null ? "" : "#item-" + checklistItemId),
				redirect, () -> {
					evidence.addPhoto(id, checklistItemId, bytes, access.actor().username());
					return "照片已保存";
				});
	}

	@GetMapping("/inspections/{id}/photos/{photoId}")
	ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
		InspectionEvidence.PhotoData photo = evidence.photo(id, photoId);
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(photo.contentType()))
			.header("Cache-Control", "private, max-age=86400").body(photo.data());
	}

	@PostMapping("/inspections/{id}/experts")
	String addExpert(@PathVariable long id, @RequestParam(required = false) Long expertId, RedirectAttributes redirect) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> {
			if (expertId == null) {
				throw new InvalidInputException("expertId", "请选择专家");
			}
			evidence.addExpert(id, expertId);
			return "已邀请专家协助检查（专家不单独执法）";
		});
	}

	@PostMapping("/inspections/{id}/experts/{participantId}/opinion")
	String opinion(@PathVariable long id, @PathVariable long participantId, @RequestParam(required = false) String opinion,
			@RequestParam(required = false) String kind, @RequestParam(required = false) String basis,
			RedirectAttributes redirect) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> {
			evidence.giveOpinion(id, participantId, opinion, kind, basis);
			return "已记录专家意见";
		});
	}

	@PostMapping("/inspections/{id}/experts/{participantId}/confirmation")
	String confirm(@PathVariable long id, @PathVariable long participantId, RedirectAttributes redirect) {
		access.requireOwn(id);
		return PageActs.act(InspectionAccess.taskPage(id), redirect, () -> {
			evidence.confirmOpinion(id, participantId, access.actor().username());
			return "已确认专家的强制性意见";
		});
	}
}
