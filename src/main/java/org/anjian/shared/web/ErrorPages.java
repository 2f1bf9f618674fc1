package org.anjian.shared.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error path, for failures outside any controller (filters, unknown addresses) and the security
 * filters' refusals ({@code /error/403}): problem details for {@code /api/**}, the friendly page otherwise, inside the
 * layout (a controller's page: it gets every page's model), saying in the person's language what went wrong and, for
 * a refusal, which roles the page is for ({@link Refusals}); never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

	private final MessageSource messages;
	private final Refusals refusals;

	ErrorPages(MessageSource messages, Refusals refusals) {
		this.messages = messages;
		this.refusals = refusals;
	}

	@RequestMapping({ "/error", "/error/403" })
	Object error(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer i ? i : request.getRequestURI().endsWith("/403") ? 403 : response.getStatus();
		HttpStatus httpStatus = HttpStatus.resolve(status) == null ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.valueOf(status);
		if (httpStatus.is2xxSuccessful()) {
			httpStatus = HttpStatus.INTERNAL_SERVER_ERROR;
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri == null ? request.getRequestURI() : uri.toString();
		if (path.startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = Problems.of(httpStatus, title(httpStatus, Locale.SIMPLIFIED_CHINESE),
					detail(httpStatus, Locale.SIMPLIFIED_CHINESE), path);
			return ResponseEntity.status(httpStatus).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		String detail = detail(httpStatus, locale);
		if (httpStatus.value() == 403 && request.getAttribute(WebAttributes.ACCESS_DENIED_403) instanceof AccessDeniedException e) {
			detail = refusals.why(e, detail, locale);
		}
		ModelAndView page = new ModelAndView("error");
		page.setStatus(httpStatus);
		page.addObject("errorStatus", httpStatus.value());
		page.addObject("errorTitle", title(httpStatus, locale));
		page.addObject("errorDetail", detail);
		return page;
	}

	private String title(HttpStatus status, Locale locale) {
		return switch (status.value()) {
			case 403, 404 -> messages.getMessage("error.title." + status.value(), null, locale);
			default -> messages.getMessage("error.title", null, locale);
		};
	}

	private String detail(HttpStatus status, Locale locale) {
		int code = switch (status.value()) {
			case 400, 401, 403, 404, 405 -> status.value();
			default -> 500;
		};
		return messages.getMessage("error.detail." + code, null, locale);
	}
}
