package org.anjian.shared.database;

import java.lang.reflect.Method;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.Ordered;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;

/**
 * Every transactional act answers a write the database refused for its bounds on text ({@link TextLimits}) as the
 * act's own bad input: an {@code InvalidInputException} naming the field, which every form already shows beside the
 * field with what was typed kept, and the API as 400. Wrapped around the transaction, so that the write has been
 * rolled back when the refusal is told.
 */
@Configuration(proxyBeanMethods = false)
class TextLimitsAdvice {

	@Bean
	@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
	static Advisor textLimitsAdvisor() {
		AnnotationTransactionAttributeSource transactional = new AnnotationTransactionAttributeSource();
		StaticMethodMatcherPointcut acts = new StaticMethodMatcherPointcut() {
			@Override
			public boolean matches(Method method, Class<?> targetClass) {
				return targetClass.getName().startsWith("org.anjian.")
						&& transactional.getTransactionAttribute(method, targetClass) != null;
			}
		};
		MethodInterceptor refuse = invocation -> {
			try {
				return invocation.proceed();
			}
			catch (DataAccessException e) {
				throw TextLimits.refusal(e).orElseThrow(() -> e);
			}
		};
		DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(acts, refuse);
		advisor.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return advisor;
	}
}
