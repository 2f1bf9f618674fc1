package org.anjian.hazard.web;

import org.anjian.hazard.internal.HazardDashboard;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The hazard dashboard as JSON: the figures of the page, for the caller's jurisdiction. */
@RestController
@PreAuthorize(HazardDashboardApi.STAFF)
class HazardDashboardApi {

	/** Officers, their leaders and administrators; not legal reviewers, not enterprises. */
	static final String STAFF = "hasAnyRole('ADMIN', 'LEADER', 'CITY_OFFICER', 'DISTRICT_OFFICER', 'STREET_OFFICER')";

	private final HazardDashboard dashboard;

	HazardDashboardApi(HazardDashboard dashboard) {
		this.dashboard = dashboard;
	}

	@GetMapping("/api/hazards/dashboard")
	HazardDashboard.Dashboard dashboard(@RequestParam(required = false) Integer year,
			@RequestParam(required = false) String district) {
		return dashboard.of(year, district == null || district.isBlank() ? null : district.trim());
	}
}
