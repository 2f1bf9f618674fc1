package org.anjian.planning.web;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.organization.Organization;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.ItemKind;
import org.anjian.planning.Planning;
import org.anjian.planning.internal.PlanScheduleViews;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.Pager;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A plan's schedule by quarter ({@code ?quarter=2}) or by month ({@code ?month=5}) for the staff who see the plan:
 * items by month and kind, each officer's inspections, and for a month its items day by day. A quarter or month
 * out of range is answered 400 with the reason in Chinese.
 */
@Controller
@PreAuthorize(PlanApi.OFFICERS)
class ScheduleViewPages {

	private final Planning planning;
	private final PlanScheduleViews views;
	private final Organization organization;

	ScheduleViewPages(Planning planning, PlanScheduleViews views, Organization organization) {
		this.planning = planning;
		this.views = views;
		this.organization = organization;
	}

	@GetMapping("/plans/{id}/schedule")
	String schedule(@PathVariable long id, @RequestParam(required = false) String quarter,
			@RequestParam(required = false) String month, @RequestParam(required = false) Integer page, Model model,
			HttpServletRequest request) {
		AnnualPlan plan = planning.plan(id);
		PlanScheduleViews.Period period = PlanScheduleViews.Period.of(quarter, month);
		model.addAttribute("plan", plan);
		model.addAttribute("body", organization.body(plan.bodyId()).name());
		model.addAttribute("kinds", ItemKind.values());
		model.addAttribute("overview", views.overview(id, period));
		if (period.month() != null) {
			PlanScheduleViews.DayItems dayItems = views.month(id, period.month(), ResultPage.number(page));
			model.addAttribute("dayItems", dayItems);
			model.addAttribute("pager", Pager.of(ResultPage.of(dayItems.items(), dayItems.page(),
					PlanScheduleViews.ITEMS_PER_PAGE, dayItems.total()), request));
		}
		return "planning/schedule";
	}
}
