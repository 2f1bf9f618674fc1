package org.anjian.identity.internal;

import org.anjian.shared.web.Problems;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Who may reach what. Pages log in with a form; scripts use the same session cookie and the same CSRF
 * protocol (cookie {@code XSRF-TOKEN}, header {@code X-XSRF-TOKEN}). What data a user reaches is not decided
 * here but by the database's row-level security, from the scope of the logged-in account.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 8 * 3600)
class SecurityConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return new BCryptPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(AccountDetailsService accounts, PasswordEncoder encoder,
			LoginThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
		passwords.setPasswordEncoder(encoder);
		return new ProviderManager(new ThrottledAuthenticationProvider(passwords, throttle));
	}

	@Bean
	@ConditionalOnWebApplication
	SecurityFilterChain web(HttpSecurity http, AuthenticationManager authenticationManager) throws Exception {
		http.authenticationManager(authenticationManager);
		PathPatternRequestMatcher.Builder path = PathPatternRequestMatcher.withDefaults();
		// monitoring systems post alarms machine to machine: no login and no CSRF token; the trigger module checks
		// their API key (X-Api-Key) itself
		var alarms = path.matcher(HttpMethod.POST, "/api/alarms");
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers(alarms)
			.permitAll()
			.requestMatchers("/login", "/error", "/p/**", "/webjars/**", "/css/**", "/js/**", "/img/**",
					"/favicon.ico", "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**")
			.permitAll()
			.requestMatchers("/admin/**", "/api/admin/**", "/api/audit/**", "/actuator/**")
			.hasRole("ADMIN")
			.anyRequest()
			.authenticated());
		http.formLogin(form -> form.loginPage("/login").failureHandler(loginFailure()).defaultSuccessUrl("/", false));
		http.logout(logout -> logout.logoutSuccessUrl("/login?logout"));
		http.csrf(csrf -> csrf.spa().ignoringRequestMatchers(alarms));
		http.exceptionHandling(errors -> errors
			.defaultAuthenticationEntryPointFor((request, response, e) -> Problems.write(response,
					Problems.of(HttpStatus.UNAUTHORIZED, "未登录", "请先登录后再访问该接口", request.getRequestURI())),
					path.matcher("/api/**"))
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), path.matcher("/**"))
			.accessDeniedHandler(accessDenied()));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
				"default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	private static AuthenticationFailureHandler loginFailure() {
		return (request, response, e) -> response.sendRedirect(request.getContextPath()
				+ (e instanceof ThrottledAuthenticationProvider.LoginThrottledException ? "/login?throttled" : "/login?error"));
	}

	/** Refusals on /api/** are problem details; pages get the friendly error page. */
	private static AccessDeniedHandler accessDenied() {
		AccessDeniedHandlerImpl pages = new AccessDeniedHandlerImpl();
		pages.setErrorPage("/error/403");
		return (request, response, e) -> {
			if (Problems.isApi(request)) {
				boolean csrf = e instanceof org.springframework.security.web.csrf.CsrfException;
				Problems.write(response, Problems.of(HttpStatus.FORBIDDEN, "禁止访问",
						csrf ? "请求缺少有效的 CSRF 令牌：请先读取 XSRF-TOKEN Cookie，并在请求头 X-XSRF-TOKEN 中带上它"
								: "您无权执行此操作",
						request.getRequestURI()));
			}
			else {
				pages.handle(request, response, e);
			}
		};
	}
}
