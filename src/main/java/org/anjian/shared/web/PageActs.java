package org.anjian.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.database.TextLimits;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * How a page performs an act and tells its outcome, for every page alike: the act runs, and the page it returns to
 * shows either what was done ({@code done}) or why it was refused ({@code refused}, with {@code errors} keyed by the
 * field at fault). A refused form comes back with what was typed ({@code form}), so nothing is typed twice. Refusals
 * the person cannot fix by typing (no access, not found) are left to the error pages.
 */
public final class PageActs {

	/** Someone else changed what the person was looking at between reading and acting. */
	static final String STALE = "内容已被他人修改，请查看最新内容后重试";

	private PageActs() {
	}

	/** Runs the act and redirects to {@code target} with its outcome. */
	public static String act(String target, RedirectAttributes redirect, Supplier<String> act) {
		return act(target, redirect, null, act);
	}

	/** The same, keeping the submitted form's values for the page to show again when the act is refused. */
	public static String act(String target, RedirectAttributes redirect, HttpServletRequest form, Supplier<String> act) {
		try {
			redirect.addFlashAttribute("done", act.get());
		}
		catch (InvalidInputException e) {
			refuse(redirect, form, e.getMessage());
			redirect.addFlashAttribute("errors", Forms.errors(e));
		}
		catch (InvalidTransitionException e) {
			refuse(redirect, form, e.getMessage());
		}
		catch (OptimisticLockingFailureException e) {
			refuse(redirect, form, STALE);
		}
		catch (DataAccessException e) {
			// a bound on text the database keeps (too long, a NUL character): told like any other bad input
			InvalidInputException refusal = TextLimits.refusal(e).orElseThrow(() -> e);
			refuse(redirect, form, refusal.getMessage());
			redirect.addFlashAttribute("errors", Forms.errors(refusal));
		}
		return "redirect:" + target;
	}

	/**
	 * Runs an act that creates something and goes to it ({@code created} gives its address and what was done); a
	 * refusal returns to {@code refusedTarget} with the form as typed.
	 */
	public static <T> String create(String refusedTarget, RedirectAttributes redirect, HttpServletRequest form,
			Supplier<T> act, java.util.function.Function<T, String> created, java.util.function.Function<T, String> done) {
		String[] target = { refusedTarget };
		act(refusedTarget, redirect, form, () -> {
			T made = act.get();
			target[0] = created.apply(made);
			return done.apply(made);
		});
		return "redirect:" + target[0];
	}

	private static void refuse(RedirectAttributes redirect, HttpServletRequest form, String reason) {
		redirect.addFlashAttribute("refused", reason);
		if (form != null) {
			redirect.addFlashAttribute("form", typed(form));
		}
	}

	/** The form's values as typed, the first of each name (the CSRF token left out). */
	static Map<String, String> typed(HttpServletRequest form) {
		Map<String, String> typed = new LinkedHashMap<>();
		form.getParameterMap().forEach((name, values) -> {
			if (!"_csrf".equals(name) && values.length > 0) {
				typed.put(name, values[0]);
			}
		});
		return typed;
	}
}
