package org.anjian.shared;

/**
 * Input that breaks a rule of the domain or of a standard; its message is the Chinese sentence shown to
 * the user (what was wrong and how to fix it). Answered with 400 and changes nothing.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;

	public InvalidInputException(String message) {
		this(null, message);
	}

	public InvalidInputException(String field, String message) {
		super(message);
		this.field = field;
	}

	/** The input field at fault, when one is, so that a form can show the message next to it. */
	public String field() {
		return field;
	}
}
