package org.anjian.portal.web;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: what waits for the person today, each kind with its count, its most urgent detail and a link
 * straight to the act; and the navigation's count of it, loaded after the page so that no page waits for it.
 */
@Controller
class HomeController {

	private final TodoBoard board;

	HomeController(TodoBoard board) {
		this.board = board;
	}

	@GetMapping("/")
	String home(Model model, Locale locale) {
		List<TodoBoard.Entry> todos = board.entries(locale);
		model.addAttribute("todos", todos);
		// the home page has counted already: the navigation shows its count without asking again
		total(model, TodoBoard.Total.of(todos));
		return "home";
	}

	/** The navigation's badge, which every other page asks for once it has loaded (htmx). */
	@GetMapping("/todos/count")
	String count(Model model) {
		total(model, board.total());
		return "portal/todo-count :: count";
	}

	private static void total(Model model, TodoBoard.Total total) {
		model.addAttribute("todoTotal", total.count());
		model.addAttribute("todoUrgent", total.urgent());
	}
}
