package org.anjian.planning.web;

import org.anjian.planning.AnnualPlan;
import org.anjian.planning.Planning;
import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may act on a plan, for the plan's pages and API alike: the plan must be found (the jurisdiction) and belong
 * to the caller's body, unless the caller is a leader.
 */
@Component
class PlanAccess {

	private final Planning planning;
	private final CurrentActor actors;

	PlanAccess(Planning planning, CurrentActor actors) {
		this.planning = planning;
		this.actors = actors;
	}

	AnnualPlan ownBody(long id) {
		AnnualPlan plan = planning.plan(id);
		if (!leader() && !own(plan)) {
			throw new AccessDeniedException("只能调整本执法主体的计划");
		}
		return plan;
	}

	boolean own(AnnualPlan plan) {
		return Long.valueOf(plan.bodyId()).equals(actor().bodyId());
	}

	static boolean leader() {
		return role("ROLE_LEADER");
	}

	/** An officer who writes plans (not a leader, who approves them). */
	static boolean author() {
		return role("ROLE_CITY_OFFICER") || role("ROLE_DISTRICT_OFFICER") || role("ROLE_STREET_OFFICER");
	}

	private static boolean role(String authority) {
		var auth = SecurityContextHolder.getContext().getAuthentication();
		return auth != null && auth.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
	}

	Actor actor() {
		return actors.current().orElseThrow(() -> new AccessDeniedException("请先登录"));
	}
}
