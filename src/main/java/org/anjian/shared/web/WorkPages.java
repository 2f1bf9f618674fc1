package org.anjian.shared.web;

import jakarta.servlet.http.HttpServletResponse;
import org.anjian.shared.work.BackgroundWork;
import org.anjian.shared.work.Work;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * A background run's progress, polled by the page that started it (htmx, every second, while it runs). When the run
 * has ended the poll asks the page to reload, so that it shows what the work produced and how it ended.
 */
@Controller
class WorkPages {

	private final BackgroundWork works;

	WorkPages(BackgroundWork works) {
		this.works = works;
	}

	@GetMapping("/work/{id}")
	String progress(@PathVariable long id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			Model model, HttpServletResponse response) {
		Work work = works.find(id);
		model.addAttribute("work", work);
		if (htmx != null && !work.running()) {
			response.setHeader("HX-Refresh", "true");
		}
		return "fragments/work :: work";
	}

	@GetMapping("/api/work/{id}")
	@ResponseBody
	Work json(@PathVariable long id) {
		return works.find(id);
	}
}
