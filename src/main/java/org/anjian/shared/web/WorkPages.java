package org.anjian.shared.web;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
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
 * has ended the poll asks the page to reload, so that it shows what the work produced and how it ended. The API
 * answers the same run as JSON, with what it kept (an import's report or its bad rows) once it has ended: the address
 * a {@code 202 Accepted} names in its {@code Location}.
 */
@Controller
class WorkPages {

	private final BackgroundWork works;

	WorkPages(BackgroundWork works) {
		this.works = works;
	}

	/** A run as the API tells it: its progress, its outcome and, once ended, what it kept. */
	record WorkView(long id, String kind, String subject, String label, String status, boolean running, int done,
			Integer total, Integer percent, String stage, String message, Instant startedAt, Instant finishedAt,
			@JsonRawValue String result) {

		static WorkView of(Work w, String result) {
			return new WorkView(w.id(), w.kind(), w.subject(), w.label(), w.status().name(), w.running(), w.done(),
					w.total(), w.percent(), w.stage(), w.message(), w.startedAt(), w.finishedAt(), result);
		}
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
	WorkView json(@PathVariable long id) {
		Work work = works.find(id);
		return WorkView.of(work, work.hasResult() ? works.result(id).orElse(null) : null);
	}
}
