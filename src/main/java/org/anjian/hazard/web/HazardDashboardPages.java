package org.anjian.hazard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.anjian.hazard.internal.HazardDashboard;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The hazard dashboard page: a year's hazards of the caller's jurisdiction, by place, as a table and a chart. */
@Controller
@PreAuthorize(HazardDashboardApi.STAFF)
class HazardDashboardPages {

	/** How many years back the year selector offers. */
	private static final int YEARS_OFFERED = 10;

	private final HazardDashboard dashboard;

	HazardDashboardPages(HazardDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/hazards/dashboard")
	String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String district,
			Model model) {
		HazardDashboard.Dashboard shown = dashboard.of(year, district == null || district.isBlank() ? null : district.trim());
		model.addAttribute("dashboard", shown);
		// the last years up to this one (the dashboard counts overdue as of today), and the year asked for
		TreeSet<Integer> years = new TreeSet<>();
		int thisYear = shown.asOf().getYear();
		for (int y = thisYear; y > thisYear - YEARS_OFFERED; y--) {
			years.add(y);
		}
		years.add(shown.year());
		model.addAttribute("years", new ArrayList<>(years.descendingSet()));
		// plain lists for the chart script: closed, open within the deadline, and overdue add up to the found
		List<HazardDashboard.Row> rows = shown.rows();
		model.addAttribute("chart", Map.of(
				"names", rows.stream().map(HazardDashboard.Row::name).toList(),
				"verified", rows.stream().map(HazardDashboard.Row::verified).toList(),
				"open", rows.stream().map(r -> r.open() - r.overdue()).toList(),
				"overdue", rows.stream().map(HazardDashboard.Row::overdue).toList()));
		return "hazard/dashboard";
	}
}
