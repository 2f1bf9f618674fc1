package org.anjian.inspection.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.internal.InspectionRatings;
import org.anjian.organization.Organization;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.Pager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The enterprises' ratings of inspections, for the inspecting body's officers and their leaders to follow up: the low
 * ones ({@code ?low=true}, a score of {@value InspectionRatings#LOW} or less) or all, newest first, a page at a time,
 * each with its enterprise, the officers who inspected, the comments (规范, 廉洁, 服务 and the free one) and the
 * inspection's page. Another body's ratings are not shown (row-level security); public pages never show comments.
 */
@Controller
@PreAuthorize(InspectionPages.STAFF)
class RatingPages {

	static final int PAGE_SIZE = 20;

	private final InspectionRatings ratings;
	private final EnterpriseRegistry registry;
	private final Organization organization;

	RatingPages(InspectionRatings ratings, EnterpriseRegistry registry, Organization organization) {
		this.ratings = ratings;
		this.registry = registry;
		this.organization = organization;
	}

	/** A line of the list, in words. */
	public record Row(InspectionRatings.Rated rating, String enterprise, String body, String lead, String second) {
	}

	@GetMapping("/inspections/ratings")
	String ratings(@RequestParam(defaultValue = "false") boolean low, @RequestParam(required = false) Integer page,
			HttpServletRequest request, Model model) {
		ResultPage<InspectionRatings.Rated> found = ratings.list(low, ResultPage.number(page), PAGE_SIZE);
		List<InspectionRatings.Rated> items = found.items();
		Map<String, String> enterprises = registry.names(items.stream().map(InspectionRatings.Rated::uscc).toList());
		Map<Long, String> bodies = organization.bodyNames(items.stream().map(InspectionRatings.Rated::bodyId).toList());
		Map<Long, String> officers = organization.officerNames(items.stream()
			.flatMap(r -> Stream.of(r.leadOfficerId(), r.secondOfficerId())).filter(id -> id != null).toList());
		ResultPage<Row> rows = found.map(r -> new Row(r, enterprises.getOrDefault(r.uscc(), r.uscc()),
				bodies.get(r.bodyId()), officers.get(r.leadOfficerId()), officers.get(r.secondOfficerId())));
		model.addAttribute("rows", rows);
		model.addAttribute("pager", Pager.of(rows, request));
		model.addAttribute("low", low);
		model.addAttribute("lowScore", InspectionRatings.LOW);
		return "inspection/ratings";
	}
}
