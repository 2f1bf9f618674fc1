package org.anjian.trigger.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.anjian.shared.Sha256;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** The administrator registers a source and sees its key once; deactivates it; keeps the rules. Officers may not. */
@SpringBootTest
@AutoConfigureMockMvc
class TriggerAdminPagesTests {

	private static final Pattern KEY = Pattern.compile("ajk_[0-9a-f]{64}");

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aNewSourcesKeyIsShownOnceAndOnlyItsHashIsKeptUntilItIsDeactivated() throws Exception {
		String name = "页面登记测试监测源-" + System.nanoTime();
		// the flash attributes live in the (JDBC) session: the next requests carry its cookie, as a browser would
		Cookie session = mvc.perform(post("/admin/alarm-sources").param("name", name).param("districtCode", "310107")
			.with(user(users.loadUserByUsername("admin"))).with(csrf())).andReturn().getResponse().getCookie("SESSION");
		assertThat(session).isNotNull();
		String shown = mvc.perform(get("/admin/alarm-sources").cookie(session)
			.with(user(users.loadUserByUsername("admin")))).andReturn().getResponse().getContentAsString();
		String again = mvc.perform(get("/admin/alarm-sources").cookie(session)
			.with(user(users.loadUserByUsername("admin")))).andReturn().getResponse().getContentAsString();

		Matcher key = KEY.matcher(shown);
		assertThat(key.find()).as("the key on the page after registering").isTrue();
		assertThat(shown).contains(name).contains("无法再次查看");
		assertThat(again).contains(name).doesNotContain(key.group());
		long id = asSystem(() -> jdbc.sql("select id from alarm_source where name = :n and key_hash = :h")
			.param("n", name).param("h", Sha256.hex(key.group())).query(Long.class).single());

		mvc.perform(post("/admin/alarm-sources/" + id + "/deactivation").with(user(users.loadUserByUsername("admin")))
			.with(csrf())).andReturn();

		assertThat(asSystem(() -> jdbc.sql("select active from alarm_source where id = :id").param("id", id)
			.query(Boolean.class).single())).isFalse();
	}

	@Test
	void anOfficerCannotRegisterSourcesNorChangeRules() throws Exception {
		MockHttpServletResponse source = mvc.perform(post("/admin/alarm-sources").param("name", "越权监测源")
			.with(user(users.loadUserByUsername("putuo"))).with(csrf())).andReturn().getResponse();
		MockHttpServletResponse rules = mvc.perform(post("/admin/trigger-rules").param("alarms", "1").param("withinDays", "1")
			.with(user(users.loadUserByUsername("putuo"))).with(csrf())).andReturn().getResponse();

		assertThat(source.getStatus()).isEqualTo(403);
		assertThat(rules.getStatus()).isEqualTo(403);
		assertThat(asSystem(() -> jdbc.sql("select count(*) from alarm_source where name = '越权监测源'")
			.query(Long.class).single())).isZero();
	}

	@Test
	void theRulesPageShowsTheSeededRuleAndRefusesAZeroCount() throws Exception {
		String page = mvc.perform(get("/admin/trigger-rules").with(user(users.loadUserByUsername("admin"))))
			.andReturn().getResponse().getContentAsString();
		MvcResult refused = mvc.perform(post("/admin/trigger-rules").param("kind", "AMMONIA_LEAK").param("alarms", "0")
			.param("withinDays", "7").with(user(users.loadUserByUsername("admin"))).with(csrf())).andReturn();

		assertThat(page).contains("7日内同类报警3次");
		assertThat(refused.getFlashMap().get("refused")).isEqualTo("报警次数须为 1 至 1000 之间的整数");
	}
}
