package org.anjian.shared.web;

import java.net.URI;
import java.util.function.Supplier;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.work.Work;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page or the API starts long work ({@link org.anjian.shared.work.BackgroundWork}) and answers at once. A page
 * goes back to {@code target} with the run named ({@code ?work=17}), where the page shows its progress fragment, and
 * on the run's end its outcome; a refusal before the start (the state does not allow the act, the same work is
 * running already) comes back as {@code refused}, as {@link PageActs} tells it. The API answers {@code 202 Accepted}
 * with the run's address, when the client asked for it with {@code Prefer: respond-async} (RFC 7240): without it, the
 * API keeps answering the work's result when done, as clients and scripts written before rely on.
 */
public final class BackgroundActs {

	/** The parameter that names the run a page shows ({@code ?work=17}). */
	public static final String SHOWN_RUN = "work";

	/** The preference (RFC 7240) a client sends to be answered at once with the run's address. */
	public static final String RESPOND_ASYNC = "respond-async";

	/** How the API describes its two answers where it starts long work (OpenAPI). */
	public static final String DONE = "完成后应答结果（默认）",
			ACCEPTED = "请求头 Prefer: respond-async 时立即应答，Location 为后台任务地址 /api/work/{id}，可查询进度和结果";

	private BackgroundActs() {
	}

	/** Starts the work and goes back to {@code target} showing its run, or with the refusal. */
	public static String start(String target, RedirectAttributes redirect, Supplier<Work> start) {
		try {
			Work work = start.get();
			return "redirect:" + target + (target.contains("?") ? "&" : "?") + SHOWN_RUN + "=" + work.id();
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
			redirect.addFlashAttribute("errors", Forms.errors(e));
		}
		catch (InvalidTransitionException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
		}
		return "redirect:" + target;
	}

	/** Whether the {@code Prefer} header asks to be answered before the work is done. */
	public static boolean respondAsync(String prefer) {
		if (prefer == null) {
			return false;
		}
		for (String preference : prefer.split(",")) {
			if (preference.split(";")[0].trim().equalsIgnoreCase(RESPOND_ASYNC)) {
				return true;
			}
		}
		return false;
	}

	/** 202 Accepted: the run, with its address to poll in {@code Location}. */
	public static ResponseEntity<Object> accepted(Work work) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/work/" + work.id()))
			.header("Preference-Applied", RESPOND_ASYNC)
			.body(WorkPages.WorkView.of(work, null));
	}
}
