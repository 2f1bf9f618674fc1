package org.anjian.inspection.web;

import org.anjian.inspection.InspectionTask;
import org.anjian.inspection.Inspections;
import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may act on an inspection task, for every inspection page alike: the task must be found (the jurisdiction)
 * and belong to the caller's body; leaders approve plans and act on none of the rest.
 */
@Component
class InspectionAccess {

	private final Inspections inspections;
	private final CurrentActor actors;

	InspectionAccess(Inspections inspections, CurrentActor actors) {
		this.inspections = inspections;
		this.actors = actors;
	}

	/** Where a page act on a task returns to. */
	static String taskPage(long id) {
		return "/inspections/" + id;
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
