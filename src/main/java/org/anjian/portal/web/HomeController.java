package org.anjian.portal.web;

import org.anjian.organization.StaffFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the caller's jurisdiction in figures, each one a query scoped like every other. */
@Controller
class HomeController {

	private final StaffFigures figures;

	HomeController(StaffFigures figures) {
		this.figures = figures;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("figures", figures.current());
		return "home";
	}
}
