package org.anjian.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page of every page request, inside the layout (navigation, the person's name), saying in Chinese what
 * went wrong: for the container's error path (filters, unknown addresses), for the security filters' refusals
 * ({@code /error/403}), and for the failures {@link ErrorHandling} turns into a page ({@code /error/page}, forwarded
 * there so that the page is rendered as a controller's, with the model every page gets). A refusal says why: the
 * refusal's own words when it has them, else which roles the page is for and which the person has. Problem
 * details for {@code /api/**}; never a stack trace.
 */
@Controller
class ErrorPages implements ErrorController {

	/** The problem {@link ErrorHandling} forwards to the page. */
	static final String PROBLEM = ErrorPages.class.getName() + ".problem";

	static final String PAGE = "/error/page";

	/** A role in a security expression ({@code hasAnyRole('LEADER', 'CITY_OFFICER')}) or an authority. */
	private static final Pattern ROLE = Pattern.compile("'(?:ROLE_)?([A-Z_]+)'|^ROLE_([A-Z_]+)$");

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * What {@link ErrorHandling} answers a page request with: a forward to the error page, which renders it in the
	 * layout; on that page itself (a failure while showing an error), the bare page, so that nothing loops.
	 */
	static ModelAndView forward(HttpServletRequest request, ProblemDetail problem) {
		if (request.getAttribute(PROBLEM) != null) {
			ModelAndView bare = new ModelAndView("error");
			bare.setStatus(HttpStatus.valueOf(problem.getStatus()));
			bare.addObject("errorStatus", problem.getStatus());
			bare.addObject("errorTitle", problem.getTitle());
			bare.addObject("errorDetail", problem.getDetail());
			return bare;
		}
		request.setAttribute(PROBLEM, problem);
		return new ModelAndView("forward:" + PAGE);
	}

	@RequestMapping({ "/error", "/error/403", PAGE })
	Object error(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		if (request.getAttribute(PROBLEM) instanceof ProblemDetail problem) {
			String detail = problem.getStatus() == 403 ? refusal(request, problem.getDetail(), locale) : problem.getDetail();
			return page(HttpStatus.valueOf(problem.getStatus()), problem.getTitle(), detail);
		}
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
		if (httpStatus.value() == 403) {
			detail = refusal(request, detail, locale);
		}
		return page(httpStatus, title(httpStatus, locale), detail);
	}

	private static ModelAndView page(HttpStatus status, String title, String detail) {
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("errorStatus", status.value());
		page.addObject("errorTitle", title);
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

	/**
	 * Why a page was refused. A refusal in the application's own words (“只有执法主体的执法人员可以……”) says it
	 * already; a refusal by role says which roles the page is for and which the person has.
	 */
	private String refusal(HttpServletRequest request, String detail, Locale locale) {
		Object denied = request.getAttribute(WebAttributes.ACCESS_DENIED_403);
		if (!(denied instanceof AuthorizationDeniedException refused)) {
			return detail;
		}
		Set<String> allowed = roles(refused.getAuthorizationResult());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (allowed.isEmpty() || authentication == null) {
			return detail;
		}
		Set<String> own = new LinkedHashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			own.addAll(roles(authority.getAuthority()));
		}
		return messages.getMessage("error.forbidden.roles",
				new Object[] { labels(allowed, locale), own.isEmpty() ? "—" : labels(own, locale) }, locale);
	}

	private static Set<String> roles(AuthorizationResult result) {
		if (result instanceof AuthorityAuthorizationDecision authorities) {
			Set<String> roles = new LinkedHashSet<>();
			authorities.getAuthorities().forEach(a -> roles.addAll(roles(a.getAuthority())));
			return roles;
		}
		if (result instanceof ExpressionAuthorizationDecision expression) {
			return roles(expression.getExpression().getExpressionString());
		}
		return Set.of();
	}

	private static Set<String> roles(String text) {
		Set<String> roles = new LinkedHashSet<>();
		Matcher role = ROLE.matcher(text);
		while (role.find()) {
			roles.add(role.group(1) != null ? role.group(1) : role.group(2));
		}
		return roles;
	}

	private String labels(Set<String> roles, Locale locale) {
		List<String> labels = new ArrayList<>();
		for (String role : roles) {
			labels.add(messages.getMessage("role." + role, null, role, locale));
		}
		return String.join(messages.getMessage("error.forbidden.separator", null, locale), labels);
	}
}
