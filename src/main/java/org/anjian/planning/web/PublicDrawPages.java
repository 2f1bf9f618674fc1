package org.anjian.planning.web;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.planning.internal.PublicDraws;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.Pager;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public page of a draw (双随机、一公开), without login: what was drawn, and the frozen inputs that let anyone
 * recompute it ({@code candidates.csv}, {@code officers.csv}: exactly the bytes whose SHA-256 the page shows), and
 * the officers' teams of each month drawn from them ({@code teams.csv}).
 */
@Controller
class PublicDrawPages {

	private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

	private final PublicDraws draws;

	PublicDrawPages(PublicDraws draws) {
		this.draws = draws;
	}

	@GetMapping("/p/plans/commitments")
	String commitments(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		ResultPage<PublicDraws.Commitment> commitments = draws.commitments(page);
		model.addAttribute("commitments", commitments);
		model.addAttribute("pager", Pager.of(commitments, request));
		return "planning/commitments";
	}

	@GetMapping("/p/draws/{id}")
	String draw(@PathVariable long id, Model model) {
		model.addAttribute("draw", draws.draw(id));
		return "planning/draw";
	}

	@GetMapping("/p/draws/{id}/candidates.csv")
	ResponseEntity<byte[]> candidates(@PathVariable long id) {
		return csv(draws.candidates(id), "draw-" + id + "-candidates.csv");
	}

	@GetMapping("/p/draws/{id}/officers.csv")
	ResponseEntity<byte[]> officers(@PathVariable long id) {
		return csv(draws.officers(id), "draw-" + id + "-officers.csv");
	}

	@GetMapping("/p/draws/{id}/teams.csv")
	ResponseEntity<byte[]> teams(@PathVariable long id) {
		return csv(draws.teamsCsv(id), "draw-" + id + "-teams.csv");
	}

	private static ResponseEntity<byte[]> csv(String text, String filename) {
		return ResponseEntity.ok()
			.contentType(CSV)
			.header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
			.body(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
