package org.anjian.shared;

import java.util.Objects;

/**
 * What a named policy says of an act: allowed, or refused with the reason a person can read. Every {@code *Policy}
 * answers with it; the caller loads what the policy needs and decides what a refusal means (a bad field, a state
 * that does not allow the act, a warning to confirm).
 */
public record Allowance(boolean allowed, String reason) {

	private static final Allowance GRANTED = new Allowance(true, null);

	public Allowance {
		if (!allowed && (reason == null || reason.isBlank())) {
			throw new IllegalArgumentException("a refusal needs a reason a person can read");
		}
	}

	public static Allowance granted() {
		return GRANTED;
	}

	public static Allowance refused(String reason) {
		return new Allowance(false, Objects.requireNonNull(reason, "reason"));
	}

	public boolean refused() {
		return !allowed;
	}

	/** A refusal as bad input on the field at fault (400, shown next to the field). */
	public void orRefuseInput(String field) {
		if (!allowed) {
			throw new InvalidInputException(field, reason);
		}
	}

	/** A refusal as a state that does not allow the act (409), naming both states. */
	public void orRefuseTransition(String current, String attempted) {
		if (!allowed) {
			throw new InvalidTransitionException(current, attempted, reason);
		}
	}
}
