package org.anjian.shared.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.anjian.shared.InvalidInputException;
import org.springframework.http.HttpStatus;

/** How a page form answers refused input: the form again, with the Chinese message beside the field at fault. */
public final class Forms {

	private Forms() {
	}

	/** The domain's message, keyed by the field at fault ({@code form} when it names none). */
	public static Map<String, String> errors(InvalidInputException e) {
		return Map.of(e.field() == null ? "form" : e.field(), e.getMessage());
	}

	/** A refused form is answered 400, so that scripts and tests can tell it from a page shown normally. */
	public static String rejected(HttpServletResponse response, String view) {
		response.setStatus(HttpStatus.BAD_REQUEST.value());
		return view;
	}
}
