package org.anjian.trigger.web;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.shared.ResultPage;
import org.anjian.shared.web.Pager;
import org.anjian.trigger.internal.TriggerRecord;
import org.anjian.trigger.internal.TriggeredInspections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The triggers within the officer's jurisdiction, newest first: what each opened, merged into or attached to, and why. */
@Controller
class TriggerPages {

	private final TriggeredInspections triggers;

	TriggerPages(TriggeredInspections triggers) {
		this.triggers = triggers;
	}

	@GetMapping("/triggers")
	@PreAuthorize("hasAnyRole('LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER', 'ADMIN')")
	String triggers(@RequestParam(required = false) Integer page, Model model, HttpServletRequest request) {
		ResultPage<TriggerRecord> records = triggers.recent(page);
		model.addAttribute("records", records);
		model.addAttribute("pager", Pager.of(records, request));
		return "trigger/triggers";
	}
}
