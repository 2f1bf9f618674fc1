package org.anjian.inspection.web;

import java.util.concurrent.TimeUnit;

import jakarta.servlet.http.HttpServletResponse;
import org.anjian.inspection.InspectionCodeImage;
import org.anjian.inspection.InspectionCodes;
import org.anjian.shared.InvalidInputException;
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
 * and the rating form. An unknown or malformed token gets the same 404 as any unknown address, on all three.
 */
@Controller
class InspectionCodePages {

	private final InspectionCodes codes;
	private final PublicBaseUrl baseUrl;

	InspectionCodePages(InspectionCodes codes, PublicBaseUrl baseUrl) {
		this.codes = codes;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/p/ic/{token}")
	String page(@PathVariable String token, @RequestParam(required = false) String rated, Model model) {
		model.addAttribute("inspection", codes.view(token));
		model.addAttribute("justRated", rated != null);
		return "inspection/code";
	}

	@GetMapping("/p/ic/{token}.png")
	ResponseEntity<byte[]> image(@PathVariable String token) {
		codes.view(token); // an unknown token has no image
		return ResponseEntity.ok()
			.contentType(MediaType.IMAGE_PNG)
			.cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePrivate())
			.body(InspectionCodeImage.png(InspectionCodeImage.pageUrl(baseUrl.get(), token), 320));
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
			model.addAttribute("inspection", codes.view(token));
			model.addAttribute("justRated", false);
			model.addAttribute("ratingError", e.getMessage());
			model.addAttribute("form", form);
			return "inspection/code";
		}
		return "redirect:/p/ic/" + token + "?rated";
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
