package org.anjian.planning;

import java.time.Duration;

import org.anjian.Acting;
import org.anjian.TestYears;
import org.anjian.shared.work.BackgroundWork;
import org.anjian.shared.work.Work;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The staff's plan pages: the acts as buttons by role, and refused acts told in Chinese on the plan's page. */
@SpringBootTest
@AutoConfigureMockMvc
class PlanPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	BackgroundWork works;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String page(String username, String path) throws Exception {
		return mvc.perform(get(path).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void anOfficerOpensComposesSchedulesAndSubmitsALeaderApprovesAndTheOfficerPublishes() throws Exception {
		assertThat(page("putuo", "/plans/new")).contains("新建年度计划", "普陀区");
		String bad = mvc.perform(post("/plans").param("year", "明年").with(as("putuo")).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(bad).contains("请填写计划年度");
		String year = String.valueOf(TestYears.fresh());
		String location = mvc.perform(post("/plans").param("year", year).with(as("putuo")).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(location).matches("/plans/\\d+");
		String draft = page("putuo", location);
		assertThat(draft).contains(year, "草稿", ">编制<").doesNotContain(">批准<", ">发布<", ">排期<");
		assertThat(page("putuo", "/plans")).contains(location, year);

		// composing and scheduling run in the background: the page answers at once and names the run it shows
		assertThat(ended(post(location + "/composition"), location).message()).startsWith("已编制");
		Work scheduling = ended(post(location + "/schedule"), location);
		assertThat(scheduling.message()).startsWith("已排期");
		assertThat(page("putuo", location + "?work=" + scheduling.id())).as("the run's outcome, on the page it names")
			.contains("work-done", scheduling.message());
		String scheduled = page("putuo", location);
		assertThat(scheduled).contains("（主办）", ">提交<").doesNotContain("—</td>");
		mvc.perform(post(location + "/submission").with(as("putuo")).with(csrf()))
			.andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("已提交")));
		// a refused act is told on the page, in Chinese
		mvc.perform(post(location + "/schedule").with(as("putuo")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("只有草稿可以排期")));
		mvc.perform(post(location + "/approval").with(as("putuo")).with(csrf())).andExpect(status().isForbidden());
		assertThat(page("leader", location)).contains(">批准<", ">退回<");
		mvc.perform(post(location + "/approval").with(as("leader")).with(csrf()))
			.andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("已批准")));
		assertThat(page("putuo", location)).contains(">发布<");
		mvc.perform(post(location + "/publication").with(as("putuo")).with(csrf()))
			.andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("已发布")));
		assertThat(page("putuo", location)).contains("已发布").doesNotContain(">发布<", ">编制<");
	}

	@Test
	void theScheduleIsAlsoAnActOfTheApi() throws Exception {
		String created = mvc.perform(post("/api/plans").with(as("putuo")).with(csrf())
				.contentType(org.springframework.http.MediaType.APPLICATION_JSON).content("{\"year\":" + TestYears.fresh() + "}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(created);
		assertThat(m.find()).isTrue();
		String plan = "/api/plans/" + m.group(1);
		mvc.perform(post(plan + "/schedule").with(as("putuo")).with(csrf())).andExpect(status().isBadRequest());
		mvc.perform(post(plan + "/composition").with(as("putuo")).with(csrf())).andExpect(status().isOk());
		mvc.perform(post(plan + "/schedule").with(as("leader")).with(csrf())).andExpect(status().isForbidden());
		String result = mvc.perform(post(plan + "/schedule").with(as("putuo")).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		assertThat(result).contains("\"scheduled\":");
		assertThat(mvc.perform(get(plan + "/schedule").with(as("putuo"))).andExpect(status().isOk()).andReturn()
			.getResponse().getContentAsString()).contains("\"leadName\":");
	}

	/** Posts as 普陀's officer, follows the answer to the plan's page naming the run, and waits for the run's end. */
	Work ended(MockHttpServletRequestBuilder act, String location) throws Exception {
		String shown = mvc.perform(act.with(as("putuo")).with(csrf())).andExpect(status().is3xxRedirection()).andReturn()
			.getResponse().getRedirectedUrl();
		assertThat(shown).startsWith(location + "?work=");
		long run = Long.parseLong(shown.substring(shown.indexOf("work=") + 5));
		await().atMost(Duration.ofSeconds(120)).until(() -> !Acting.as("putuo", () -> works.find(run)).running());
		return Acting.as("putuo", () -> works.find(run));
	}

	@Test
	void enterpriseUsersHaveNoPlanPages() throws Exception {
		mvc.perform(get("/plans").with(user("someone").roles("ENTERPRISE"))).andExpect(status().isForbidden());
	}
}
