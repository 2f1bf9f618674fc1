package org.anjian.shared.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.anjian.shared.ActRefusedException;
import org.anjian.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorityAuthorizationDecision;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ExpressionAuthorizationDecision;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Why a page was refused, in words a person reads: a refusal in the application's own words
 * (“只有执法主体的执法人员可以……”) says it already; a refusal by role — a controller's {@code @PreAuthorize} or the
 * security configuration's rule for an address — says which roles the page is for and which the person has.
 */
@Component
class Refusals {

	/** A role in a security expression ({@code hasAnyRole('LEADER', 'CITY_OFFICER')}) or an authority. */
	private static final Pattern ROLE = Pattern.compile("'(?:ROLE_)?([A-Z_]+)'|^ROLE_([A-Z_]+)$");

	private final MessageSource messages;

	Refusals(MessageSource messages) {
		this.messages = messages;
	}

	/** The reason to show for the refusal; {@code otherwise} when it names no role. */
	String why(AccessDeniedException refusal, String otherwise, Locale locale) {
		if (refusal instanceof ActRefusedException act) {
			return messages.getMessage("error.forbidden.act", new Object[] { act.act().label(),
					labels(names(act.act().roles()), locale),
					act.held().isEmpty() ? "—" : labels(names(act.held()), locale) }, locale);
		}
		if (!(refusal instanceof AuthorizationDeniedException denied)) {
			return otherwise;
		}
		Set<String> allowed = roles(denied.getAuthorizationResult());
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (allowed.isEmpty() || authentication == null) {
			return otherwise;
		}
		Set<String> own = new LinkedHashSet<>();
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			own.addAll(roles(authority.getAuthority()));
		}
		return messages.getMessage("error.forbidden.roles",
				new Object[] { labels(allowed, locale), own.isEmpty() ? "—" : labels(own, locale) }, locale);
	}

	private static Set<String> names(Set<Role> roles) {
		Set<String> names = new LinkedHashSet<>();
		roles.stream().sorted().forEach(role -> names.add(role.name()));
		return names;
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
