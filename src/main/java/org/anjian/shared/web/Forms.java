package org.anjian.shared.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

	/** A day typed into a form (2026-10-01); null when left empty, a Chinese refusal naming the field when malformed. */
	public static LocalDate day(String field, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "日期“" + value.trim() + "”格式不正确，应为 年-月-日");
		}
	}
}
