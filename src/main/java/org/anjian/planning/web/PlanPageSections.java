package org.anjian.planning.web;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Where on a plan's page a refused act is told: beside the form it came from (its settings, its special campaigns)
 * rather than at the top of the page, which tells the refusals of the plan's own acts.
 */
final class PlanPageSections {

	static final String SETTINGS = "settings";

	static final String CAMPAIGNS = "campaigns";

	private PlanPageSections() {
	}

	/** Marks a refusal that {@code PageActs} flashed as the section's, then redirects to {@code target}. */
	static String refusedIn(String section, RedirectAttributes redirect, String target) {
		if (redirect.getFlashAttributes().containsKey("refused")) {
			redirect.addFlashAttribute("refusedIn", section);
		}
		return target;
	}
}
