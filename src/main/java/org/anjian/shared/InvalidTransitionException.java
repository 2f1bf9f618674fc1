package org.anjian.shared;

/** An official act attempted in a state that does not allow it; names both states. Answered with 409. */
public class InvalidTransitionException extends RuntimeException {

	private final String current;
	private final String attempted;

	public InvalidTransitionException(String current, String attempted, String message) {
		super(message);
		this.current = current;
		this.attempted = attempted;
	}

	public String current() {
		return current;
	}

	public String attempted() {
		return attempted;
	}
}
