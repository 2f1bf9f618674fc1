package org.anjian.identity;

import java.time.Duration;

import org.anjian.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Login with the demo passwords, throttling of repeated failures, and the CSRF protocol. */
@SpringBootTest
@AutoConfigureMockMvc
class LoginSecurityTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	MovableClock clock;

	@AfterEach
	void forgetFailures() {
		clock.reset();
		jdbc.sql("delete from login_failure").update();
	}

	@Test
	void demoAccountLogsInWithDemoPassword() throws Exception {
		mvc.perform(post("/login").param("username", "putuo").param("password", "anjian2026").with(csrf()).with(from("10.0.0.1")))
			.andExpect(redirectedUrl("/"));
	}

	@Test
	void wrongPasswordReturnsToLoginWithError() throws Exception {
		mvc.perform(post("/login").param("username", "putuo").param("password", "wrong").with(csrf()).with(from("10.0.0.2")))
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void tenWrongPasswordsWithinAMinuteThrottleEvenTheRightOne() throws Exception {
		for (int i = 0; i < 10; i++) {
			mvc.perform(post("/login").param("username", "pudong").param("password", "wrong" + i).with(csrf()).with(from("10.0.0.3")))
				.andExpect(redirectedUrl("/login?error"));
		}
		mvc.perform(post("/login").param("username", "pudong").param("password", "anjian2026").with(csrf()).with(from("10.0.0.3")))
			.andExpect(redirectedUrl("/login?throttled"));
		mvc.perform(get("/login").param("throttled", "")).andExpect(content().string(containsString("登录失败次数过多")));
	}

	@Test
	void theThrottleLiftsOnceTheWindowHasPassedOnTheApplicationsClock() throws Exception {
		for (int i = 0; i < 10; i++) {
			mvc.perform(post("/login").param("username", "lujiazui").param("password", "wrong" + i).with(csrf())
				.with(from("10.0.0.7")));
		}
		mvc.perform(post("/login").param("username", "lujiazui").param("password", "anjian2026").with(csrf())
			.with(from("10.0.0.7"))).andExpect(redirectedUrl("/login?throttled"));

		clock.advance(Duration.ofSeconds(50));
		mvc.perform(post("/login").param("username", "lujiazui").param("password", "anjian2026").with(csrf())
			.with(from("10.0.0.7"))).andExpect(redirectedUrl("/login?throttled"));
		clock.advance(Duration.ofSeconds(15));
		mvc.perform(post("/login").param("username", "lujiazui").param("password", "anjian2026").with(csrf())
			.with(from("10.0.0.7"))).andExpect(redirectedUrl("/"));
	}

	@Test
	void tenFailuresOfOneAccountFromOneAddressLockNeitherOtherAccountsThereNorThatAccountElsewhere() throws Exception {
		// issue 21, finding 9: ten wrong passwords locked out every user behind one address for 60 s
		for (int i = 0; i < 10; i++) {
			mvc.perform(post("/login").param("username", "changzheng").param("password", "wrong" + i).with(csrf())
				.with(from("10.0.0.4")));
		}
		mvc.perform(post("/login").param("username", "changzheng").param("password", "anjian2026").with(csrf())
			.with(from("10.0.0.4"))).andExpect(redirectedUrl("/login?throttled"));
		mvc.perform(post("/login").param("username", "leader").param("password", "anjian2026").with(csrf())
			.with(from("10.0.0.4"))).andExpect(redirectedUrl("/"));
		mvc.perform(post("/login").param("username", "changzheng").param("password", "anjian2026").with(csrf())
			.with(from("10.0.0.5"))).andExpect(redirectedUrl("/"));
	}

	@Test
	void loginWithoutCsrfTokenIsRefused() throws Exception {
		mvc.perform(post("/login").param("username", "putuo").param("password", "anjian2026").with(from("10.0.0.6")))
			.andExpect(status().isForbidden());
	}

	@Test
	void apiPostWithoutCsrfTokenIsRefusedWithChineseProblem() throws Exception {
		mvc.perform(post("/api/experts").with(user(users.loadUserByUsername("putuo")))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"沈工\",\"field\":\"化工\",\"organisation\":\"某院\",\"qualification\":\"高工\"}"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail", containsString("CSRF")));
	}

	@Test
	void apiWithoutLoginAnswersChineseProblem() throws Exception {
		mvc.perform(get("/api/officers"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.detail").value("请先登录后再访问该接口"));
	}

	@Test
	void pageWithoutLoginRedirectsToLogin() throws Exception {
		mvc.perform(get("/organization/officers")).andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	private static RequestPostProcessor from(String address) {
		return request -> {
			request.setRemoteAddr(address);
			return request;
		};
	}
}
