package org.anjian.penalty.web;

import java.time.LocalDate;

import org.anjian.Acting;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The draw form of case-file review: a refused draw comes back with its reason and what was typed; officers read the
 * draws but are offered no draw, and one posted anyway is refused by the act table.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CaseFileDrawFormTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDrawOfAPeriodNotYetEndedIsRefusedAndTheFormKeepsWhatWasTyped() {
		long body = putuoBody();
		String to = LocalDate.now().plusDays(10).toString();
		MvcTestResult refused = mvc.post().uri("/penalty-reviews/draws").with(loggedIn("legal")).with(csrf())
			.param("bodyId", Long.toString(body)).param("periodFrom", "2026-01-01").param("periodTo", to)
			.exchange();
		assertThat(refused).hasStatus3xxRedirection().hasRedirectedUrl("/penalty-reviews/draws");

		MvcTestResult page = mvc.get().uri(refused.getResponse().getRedirectedUrl()).with(loggedIn("legal"))
			.cookie(refused.getResponse().getCookies()).exchange();

		assertThat(page).hasStatusOk().bodyText()
			.contains("评查期间须已结束：截止日期应早于今天")
			.contains("value=\"2026-01-01\"", "value=\"" + to + "\"")
			.containsPattern("class=\"form-control is-invalid\" type=\"date\" id=\"periodTo\"");
	}

	@Test
	void officersReadTheDrawsButMayNotDraw() {
		assertThat(mvc.get().uri("/penalty-reviews/draws").with(loggedIn("putuo"))).hasStatusOk().bodyText()
			.contains("抽取评查案卷").doesNotContain("id=\"draw\"");
		assertThat(mvc.post().uri("/penalty-reviews/draws").with(loggedIn("putuo")).with(csrf())
			.param("bodyId", Long.toString(putuoBody())).param("periodFrom", "2026-01-01").param("periodTo", "2026-01-31"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/penalty-reviews").with(loggedIn("putuo-qiye"))).hasStatus(HttpStatus.FORBIDDEN);
	}

	private long putuoBody() {
		return Acting.asSystem(() -> jdbc.sql("select id from enforcement_body where district_code = '310107' and street_code is null")
			.query(Long.class).single());
	}

	private RequestPostProcessor loggedIn(String username) {
		return user(users.loadUserByUsername(username));
	}
}
