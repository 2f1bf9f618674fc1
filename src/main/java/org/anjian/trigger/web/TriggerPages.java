package org.anjian.trigger.web;

import org.anjian.trigger.internal.TriggeredInspections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The triggers within the officer's jurisdiction, newest first: what each opened, merged into or attached to, and why. */
@Controller
class TriggerPages {

	static final int SHOWN = 200;

	private final TriggeredInspections triggers;

	TriggerPages(TriggeredInspections triggers) {
		this.triggers = triggers;
	}

	@GetMapping("/triggers")
	@PreAuthorize("hasAnyRole('LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER', 'ADMIN')")
	String triggers(Model model) {
		model.addAttribute("records", triggers.recent(SHOWN));
		model.addAttribute("shown", SHOWN);
		return "trigger/triggers";
	}
}
