package org.anjian.inspection.web;

import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Who may act on an inspection task, for every inspection page alike: the task must be found (the jurisdiction)
 * and belong to the caller's body; leaders approve plans and act on none of the rest. And how a page tells the
 * outcome of an act: done, or refused with the reason.
 */
@Component
class InspectionAccess {

	private final Inspections inspections;
	private final CurrentActor actors;

	InspectionAccess(Inspections inspections, CurrentActor actors) {
		this.inspections = inspections;
		this.actors = actors;
	}

	interface Act {
		String run();
	}

	static String act(long id, RedirectAttributes redirect, Act act) {
		try {
			redirect.addFlashAttribute("done", act.run());
		}
		catch (InvalidInputException | InvalidTransitionException e) {
			redirect.addFlashAttribute("refused", e.getMessage());
		}
		catch (OptimisticLockingFailureException e) {
			redirect.addFlashAttribute("refused", "检查任务已被他人修改，请查看最新内容后重试");
		}
		return "redirect:/inspections/" + id;
	}

	void requireOwn(long id) {
		if (!own(inspections.task(id))) {
			throw new AccessDeniedException("只有本执法主体的执法人员可以办理该检查任务");
		}
	}

	boolean own(InspectionTask task) {
		return !leader() && task.bodyId() == bodyOrZero();
	}

	long bodyOrZero() {
		Long body = actor().bodyId();
		return body == null ? 0 : body;
	}

	Actor actor() {
		return actors.current().orElseThrow(() -> new AccessDeniedException("请先登录"));
	}

	static boolean leader() {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> "ROLE_LEADER".equals(a.getAuthority()));
	}
}
