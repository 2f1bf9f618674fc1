package org.anjian.portal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;
import org.anjian.hazard.HazardStatus;
import org.anjian.hazard.TaskHazards;
import org.anjian.inspection.InspectionCodeImage;
import org.anjian.inspection.InspectionCodes;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.database.SystemScope;
import org.anjian.shared.web.PublicBaseUrl;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The inspection code's public side, without login: the page an enterprise opens by scanning the code, its QR image,
 * and the rating form. The page composes the inspection module's public view of the inspection (body, officers,
 * matters, the day, the result, the rating) with the hazard module's hazards of that inspection, each in its current
 * state. It shows nothing private: no person's phone, no notes of the rectification, no internal ids. An unknown or
 * malformed token gets the same 404 as any unknown address, on all three.
 */
@Controller
class InspectionCodePages {

	private final InspectionCodes codes;
	private final TaskHazards hazards;
	private final PublicBaseUrl baseUrl;
	private final Clock clock;

	InspectionCodePages(InspectionCodes codes, TaskHazards hazards, PublicBaseUrl baseUrl, Clock clock) {
		this.codes = codes;
		this.hazards = hazards;
		this.baseUrl = baseUrl;
		this.clock = clock;
	}

	/**
	 * A hazard as the public reads it: what was found, whether major, where its rectification stands, the deadline
	 * while it is open and the day it was closed once verified.
	 */
	public record PublicHazard(String description, boolean major, HazardStatus status, LocalDate deadline, LocalDate closedOn) {

		public boolean open() {
			return status != HazardStatus.VERIFIED;
		}
	}

	@GetMapping("/p/ic/{token}")
	String page(@PathVariable String token, @RequestParam(required = false) String rated, Model model) {
		show(token, model);
		model.addAttribute("justRated", rated != null);
		return "portal/inspection-code";
	}

	@GetMapping("/p/ic/{token}.png")
	ResponseEntity<byte[]> image(@PathVariable String token) {
		codes.view(token); // an unknown token has no image
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePrivate())
			.body(InspectionCodeImage.png(baseUrl.get(), token, 320));
	}

	/** One rating per inspection; a refused one shows the page again with the reason above the form. */
	@PostMapping("/p/ic/{token}/rating")
	String rate(@PathVariable String token, @RequestParam(required = false) String score,
			@RequestParam(required = false) String conduct, @RequestParam(required = false) String integrity,
			@RequestParam(required = false) String service, @RequestParam(required = false) String comment, Model model,
			HttpServletResponse response) {
		InspectionCodes.RatingForm form = new InspectionCodes.RatingForm(number(score), conduct, integrity, service, comment);
		try {
			codes.rate(token, form);
		}
		catch (InvalidInputException e) {
			response.setStatus(e instanceof InspectionCodes.AlreadyRatedException ? 409 : 400);
			show(token, model);
			model.addAttribute("justRated", false);
			model.addAttribute("ratingError", e.getMessage());
			model.addAttribute("form", form);
			return "portal/inspection-code";
		}
		return "redirect:/p/ic/" + token + "?rated";
	}

	private void show(String token, Model model) {
		InspectionCodes.PublicInspection inspection = codes.view(token);
		model.addAttribute("inspection", inspection);
		model.addAttribute("hazards", inspection.finished() ? publicHazards(inspection.taskId()) : List.of());
		model.addAttribute("zone", clock.getZone());
	}

	/** As the system: the public has no jurisdiction, and holding the token is what lets it read this inspection. */
	private List<PublicHazard> publicHazards(long taskId) {
		return SystemScope.call("public-inspection-code", () -> hazards.of(taskId).stream()
			.map(h -> new PublicHazard(h.description(), h.major(), h.status(), h.deadline(),
					h.verifiedAt() == null ? null : LocalDate.ofInstant(h.verifiedAt(), clock.getZone())))
			.toList());
	}

	private static Integer number(String text) {
		try {
			return text == null ? null : Integer.valueOf(text.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
