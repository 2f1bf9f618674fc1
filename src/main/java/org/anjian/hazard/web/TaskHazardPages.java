package org.anjian.hazard.web;

import org.anjian.hazard.Hazard;
import org.anjian.hazard.TaskHazards;
import org.anjian.inspection.Inspections;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The hazards an inspection task found, as a fragment the task's page loads into itself (htmx): each hazard with its
 * state and deadline, linked to its page, and the documents about them. A task outside the caller's jurisdiction is
 * not found.
 */
@Controller
@PreAuthorize(HazardPages.STAFF)
class TaskHazardPages {

	private final Inspections inspections;
	private final TaskHazards hazards;

	TaskHazardPages(Inspections inspections, TaskHazards hazards) {
		this.inspections = inspections;
		this.hazards = hazards;
	}

	@GetMapping("/hazards/of-task/{taskId}")
	String ofTask(@PathVariable long taskId, Model model) {
		inspections.task(taskId);
		var found = hazards.of(taskId);
		model.addAttribute("taskId", taskId);
		model.addAttribute("hazards", found);
		model.addAttribute("major", found.stream().anyMatch(Hazard::major));
		return "hazard/of-task :: hazards";
	}
}
