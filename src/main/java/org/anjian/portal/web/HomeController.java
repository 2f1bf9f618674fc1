package org.anjian.portal.web;

import org.anjian.enterprise.EnterpriseFigures;
import org.anjian.organization.StaffFigures;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the caller's jurisdiction in figures, each one a query scoped like every other. */
@Controller
class HomeController {

	private final StaffFigures figures;
	private final EnterpriseFigures enterprises;

	HomeController(StaffFigures figures, EnterpriseFigures enterprises) {
		this.figures = figures;
		this.enterprises = enterprises;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("figures", figures.current());
		model.addAttribute("enterpriseCount", enterprises.countVisible());
		return "home";
	}
}
