package org.anjian.shared.web;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.anjian.shared.database.TextLimits;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds on what a request may carry, checked before anything reads it, the login included (issue 21): a form or
 * query value of more than {@code anjian.web.max-parameter-length} characters (20,000: the longest field stored is
 * 4,000), a control character such as NUL in any value (the database cannot store it, and no field needs it), or a
 * body other than an upload larger than {@code anjian.web.max-body-size} (2 MB) is refused with a Chinese reason
 * (400, or 413 for the body) before it reaches a search, a login or the database. Uploads keep their own limits
 * ({@code spring.servlet.multipart.*}).
 */
@Configuration(proxyBeanMethods = false)
class RequestLimits {

	/** The request attribute that carries the reason to the error page. */
	static final String REFUSAL = RequestLimits.class.getName() + ".refusal";

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> requestLimitsFilter(
			@Value("${anjian.web.max-parameter-length:20000}") int maxParameterLength,
			@Value("${anjian.web.max-body-size:2097152}") long maxBodySize) {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new Limits(maxParameterLength, maxBodySize));
		// before the security filters, which read the login's fields
		registration.setOrder(-200);
		return registration;
	}

	static final class Limits extends OncePerRequestFilter {

		private final int maxParameterLength;
		private final long maxBodySize;

		Limits(int maxParameterLength, long maxBodySize) {
			this.maxParameterLength = maxParameterLength;
			this.maxBodySize = maxBodySize;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			String contentType = request.getContentType();
			boolean upload = contentType != null && contentType.toLowerCase().startsWith("multipart/");
			if (!upload && request.getContentLengthLong() > maxBodySize) {
				refuse(request, response, HttpStatus.CONTENT_TOO_LARGE,
						"请求内容过大（最多 " + maxBodySize / 1024 / 1024 + " MB），请精简后重试");
				return;
			}
			if (!upload) {
				for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
					for (String value : parameter.getValue()) {
						if (value.length() > maxParameterLength) {
							refuse(request, response, HttpStatus.BAD_REQUEST,
									"输入过长：每项最多 " + maxParameterLength + " 个字符，请精简后重试");
							return;
						}
						if (hasControlCharacter(value)) {
							refuse(request, response, HttpStatus.BAD_REQUEST, TextLimits.CONTROL_CHARACTERS);
							return;
						}
					}
				}
			}
			chain.doFilter(request, response);
		}

		/** Tabs and line breaks are text; every other character below a space, and DEL, is not. */
		static boolean hasControlCharacter(String value) {
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
					return true;
				}
			}
			return false;
		}

		private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
				String reason) throws IOException {
			request.setAttribute(REFUSAL, reason);
			response.sendError(status.value(), reason);
		}
	}
}
