package org.anjian.planning.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.internal.PublicAnnualPlans;
import org.anjian.planning.internal.PublicPlans;
import org.anjian.shared.web.Pager;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public monthly list of inspection targets and matters (下月执法对象和执法事项), without login. */
@Controller
class PublicPlanPages {

	private final PublicPlans plans;
	private final PublicAnnualPlans annualPlans;

	PublicPlanPages(PublicPlans plans, PublicAnnualPlans annualPlans) {
		this.plans = plans;
		this.annualPlans = annualPlans;
	}

	/** The published annual plans of {@code ?year=} (next year's by default), before the year begins. */
	@GetMapping("/p/plans/annual")
	String annual(@RequestParam(required = false) String year, Model model) {
		int shown = plans.nextMonth().getYear();
		if (year != null && !year.isBlank()) {
			try {
				shown = Integer.parseInt(year.trim());
				if (shown < AnnualPlan.FIRST_YEAR || shown > AnnualPlan.LAST_YEAR) {
					throw new NumberFormatException(year);
				}
			}
			catch (NumberFormatException e) {
				model.addAttribute("badYear", year);
				shown = plans.nextMonth().getYear();
			}
		}
		model.addAttribute("year", shown);
		model.addAttribute("plans", annualPlans.year(shown));
		return "planning/public-annual";
	}

	/** Next month's list, or {@code ?month=YYYY-MM}'s; a month that is not one shows next month's with a note. */
	@GetMapping("/p/plans")
	String month(@RequestParam(required = false) String month, @RequestParam(required = false) Integer page,
			Model model, HttpServletRequest request) {
		YearMonth shown = plans.nextMonth();
		if (month != null && !month.isBlank()) {
			try {
				shown = YearMonth.parse(month.trim());
			}
			catch (DateTimeParseException e) {
				model.addAttribute("badMonth", month);
			}
		}
		model.addAttribute("month", shown);
		model.addAttribute("previous", shown.minusMonths(1));
		model.addAttribute("next", shown.plusMonths(1));
		PublicPlans.MonthPage listed = plans.month(shown, page);
		model.addAttribute("bodies", listed.bodies());
		model.addAttribute("targets", listed.targets());
		model.addAttribute("pager", Pager.of(listed.targets(), request));
		return "planning/public-month";
	}
}
