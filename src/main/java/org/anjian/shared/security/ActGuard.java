package org.anjian.shared.security;

import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.Set;

import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.Role;
import org.aopalliance.intercept.MethodInterceptor;
import org.anjian.shared.ActRefusedException;
import org.anjian.shared.database.SystemScope;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.AopUtils;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Holds every {@link Authorized} method to the {@link Act table}: before the method starts (outside its transaction,
 * so that nothing is read or written for a refused act) the logged-in account must hold one of the act's roles. With
 * no one logged in, only the system may act (a {@link SystemScope} block: seeding, jobs, commands); anyone else is
 * refused.
 */
@Configuration(proxyBeanMethods = false)
public class ActGuard {

	@Bean
	@org.springframework.context.annotation.Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor actGuardAdvisor() {
		StaticMethodMatcherPointcut authorized = new StaticMethodMatcherPointcut() {
			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				return targetClass.getName().startsWith("org.anjian.") && act(method, targetClass) != null;
			}
		};
		MethodInterceptor guard = invocation -> {
			Class<?> target = invocation.getThis() == null ? invocation.getMethod().getDeclaringClass()
					: AopUtils.getTargetClass(invocation.getThis());
			require(act(invocation.getMethod(), target));
			return invocation.proceed();
		};
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(authorized, guard);
		// before the text-limits advice and the transaction: a refused act opens nothing
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return advisor;
	}

	/** Refuses the act on this thread unless its account (or the system, with no one logged in) may do it. */
	public static void require(Act act) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Set<Role> held = roles(authentication);
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			if (SystemScope.current().isPresent()) {
				return;
			}
			throw new ActRefusedException(act, held);
		}
		if (!act.permits(held)) {
			throw new ActRefusedException(act, held);
		}
	}

	/** Whether the account on this thread may do the act (for offering its button). */
	public static boolean allows(Act act) {
		try {
			require(act);
			return true;
		}
		catch (ActRefusedException e) {
			return false;
		}
	}

	/** The roles an authentication holds: its authorities {@code ROLE_X} that name a {@link Role}. */
	public static Set<Role> roles(Authentication authentication) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (authentication == null) {
			return roles;
		}
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			for (Role role : Role.values()) {
				if (role.authority().equals(authority.getAuthority())) {
					roles.add(role);
				}
			}
		}
		return roles;
	}

	private static Act act(Method method, Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		Authorized authorized = AnnotatedElementUtils.findMergedAnnotation(specific, Authorized.class);
		return authorized == null ? null : authorized.value();
	}
}
