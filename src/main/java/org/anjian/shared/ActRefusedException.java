package org.anjian.shared;

import java.util.Set;

import org.springframework.security.access.AccessDeniedException;

/** An act refused because the account holds none of the roles the {@link Act table} gives it (403). */
public class ActRefusedException extends AccessDeniedException {

	private final Act act;
	private final Set<Role> held;

	public ActRefusedException(Act act, Set<Role> held) {
		super("「" + act.label() + "」不在您的账号职权内");
		this.act = act;
		this.held = Set.copyOf(held);
	}

	public Act act() {
		return act;
	}

	/** The roles the refused account holds (empty when no one is logged in). */
	public Set<Role> held() {
		return held;
	}
}
