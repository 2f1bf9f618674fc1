package org.anjian.shared.web;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/**
 * Links to static resources ({@code /webjars/**}, {@code /css/**}, {@code /js/**}, {@code /img/**}) rewritten to the
 * path the resource chain resolves (a web jar's version), as Spring's {@link ResourceUrlEncodingFilter} does, which
 * this replaces; every other link is left as it is. Spring's filter asks the chain about every link a page builds,
 * and the chain, for the {@code /**} pattern of static files, looks for {@code /enterprises/913101…} in four places
 * of the class path without remembering that it is not there: on a list of 20 rows that was more than half of the
 * page's time ({@code bench web}).
 */
@Component
public class StaticResourceLinks extends ResourceUrlEncodingFilter {

	static final List<String> STATIC = List.of("/webjars/", "/css/", "/js/", "/img/");

	@Override
	public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
			chain.doFilter(request, new Links(http, answer));
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static final class Links extends HttpServletResponseWrapper {

		private final HttpServletRequest request;

		Links(HttpServletRequest request, HttpServletResponse response) {
			super(response);
			this.request = request;
		}

		@Override
		public String encodeURL(String url) {
			return super.encodeURL(resolved(url));
		}

		private String resolved(String url) {
			String context = request.getContextPath();
			if (url == null || !url.startsWith(context)) {
				return url;
			}
			int end = url.length();
			for (char c : new char[] { '?', '#' }) {
				int at = url.indexOf(c);
				end = at >= 0 ? Math.min(end, at) : end;
			}
			String path = url.substring(context.length(), end);
			if (STATIC.stream().noneMatch(path::startsWith)) {
				return url;
			}
			Object provider = request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR);
			String found = provider instanceof ResourceUrlProvider resources ? resources.getForLookupPath(path) : null;
			return found == null ? url : context + found + url.substring(end);
		}
	}
}
