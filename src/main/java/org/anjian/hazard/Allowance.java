package org.anjian.hazard;

/** What a named policy says of an act: allowed, or refused with the reason a person can read. */
public record Allowance(boolean allowed, String reason) {

	public static Allowance granted() {
		return new Allowance(true, null);
	}

	public static Allowance refused(String reason) {
		return new Allowance(false, reason);
	}
}
