package org.anjian.enterprise.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.anjian.Acting;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

/**
 * Officers and administrators keep the enterprise files; a legal reviewer and a leader read them and change nothing:
 * no edit form, no change of address, supervision level or status, by page or by API, and the file offers them no
 * such button.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseKeepersTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	EnterpriseRegistry registry;

	RequestPostProcessor as(String username) {
		return user(Acting.asSystem(() -> users.loadUserByUsername(username)));
	}

	@Test
	void aLegalReviewerAndALeaderReadAFileAndChangeNothingOfIt() throws Exception {
		Enterprise file = Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005",
				"法制审核只读测试厂" + System.nanoTime() % 1_000_000)));
		for (String reader : List.of("legal", "leader")) {
			MockHttpServletResponse page = mvc.perform(get("/enterprises/{uscc}", file.uscc()).with(as(reader))).andReturn()
				.getResponse();
			assertThat(page.getStatus()).as(reader).isEqualTo(200);
			Document shown = Jsoup.parse(page.getContentAsString(StandardCharsets.UTF_8));
			assertThat(shown.select("#edit, #edit-contact, [id^=act-]")).as(reader + "'s buttons").isEmpty();
			assertThat(Jsoup.parse(mvc.perform(get("/enterprises/{uscc}", file.uscc()).param("tab", "risk").with(as(reader)))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8)).select("#supervision-form"))
				.as(reader + "'s supervision form").isEmpty();
			assertThat(status(get("/enterprises/{uscc}/edit", file.uscc()), reader)).isEqualTo(403);
			assertThat(status(get("/enterprises/new"), reader)).isEqualTo(403);
			assertThat(status(post("/enterprises/{uscc}", file.uscc()).param("name", "改名").param("address", "别处"), reader))
				.isEqualTo(403);
			assertThat(status(post("/enterprises/{uscc}/suspension", file.uscc()), reader)).isEqualTo(403);
			assertThat(status(post("/enterprises/{uscc}/supervision", file.uscc()).param("level", "CITY")
				.param("reason", "测试"), reader)).isEqualTo(403);
			assertThat(status(post("/enterprises/{uscc}/contact", file.uscc()).param("safetyManager", "某人"), reader))
				.isEqualTo(403);
			assertThat(status(put("/api/enterprises/{uscc}/contact", file.uscc()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"safetyManager\":\"某人\",\"safetyManagerPhone\":\"13900000000\"}"), reader)).isEqualTo(403);
			assertThat(status(post("/api/enterprises/{uscc}/deregistration", file.uscc()), reader)).isEqualTo(403);
		}
		Enterprise after = Acting.asSystem(() -> registry.file(file.uscc()));
		assertThat(after.version()).as("nothing changed").isEqualTo(file.version());

		Document officers = Jsoup.parse(mvc.perform(get("/enterprises/{uscc}", file.uscc()).with(as("putuo"))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(officers.select("#edit, #edit-contact, [id^=act-]")).as("the officer's buttons").hasSizeGreaterThan(2);
		assertThat(status(get("/enterprises/{uscc}/edit", file.uscc()), "admin")).isEqualTo(200);
	}

	private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String username)
			throws Exception {
		return mvc.perform(request.with(as(username)).with(csrf())).andReturn().getResponse().getStatus();
	}
}
