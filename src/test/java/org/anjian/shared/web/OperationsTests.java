package org.anjian.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What operators and integrators rely on: health, metrics, the API description, a second language. */
@SpringBootTest
@AutoConfigureMockMvc
class OperationsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void healthIsPublicAndUp() throws Exception {
		mvc.perform(get("/actuator/health")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("UP"));
	}

	@Test
	void prometheusMetricsAreForAdministrators() throws Exception {
		mvc.perform(get("/actuator/prometheus").with(user(users.loadUserByUsername("putuo")))).andExpect(status().isForbidden());
		mvc.perform(get("/actuator/prometheus").with(user(users.loadUserByUsername("admin"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hikaricp_connections")));
	}

	@Test
	void openApiDescribesTheRestApi() throws Exception {
		mvc.perform(get("/v3/api-docs"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.paths", hasKey("/api/officers/{id}")))
			.andExpect(jsonPath("$.paths", hasKey("/api/audit/verify")));
	}

	@Test
	void loginPageSpeaksChineseByDefaultAndEnglishOnRequest() throws Exception {
		mvc.perform(get("/login")).andExpect(content().string(containsString("安全生产监管执法平台")));
		mvc.perform(get("/login").param("lang", "en"))
			.andExpect(content().string(containsString("Work-safety supervision and enforcement")))
			.andExpect(content().string(containsString("User name")));
	}
}
