package org.anjian.planning.web;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.anjian.Acting;
import org.anjian.Holding;
import org.anjian.TestYears;
import org.anjian.shared.work.BackgroundWork;
import org.anjian.shared.work.Work;
import org.anjian.shared.work.WorkStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Composing (编制) and scheduling (排期) a plan run in the background: the page answers at once and shows the run,
 * a second start while it runs is refused naming it, the plan's other acts wait for it, and its outcome is recorded
 * with the run. The test holds the audit trail's head (every write of the act waits for it) to watch a run in
 * progress.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanWorkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	BackgroundWork works;

	@Autowired
	DataSource dataSource;

	RequestPostProcessor putuo() {
		return user(users.loadUserByUsername("putuo"));
	}

	String open() throws Exception {
		String created = mvc.perform(post("/api/plans").with(putuo()).with(csrf()).contentType(MediaType.APPLICATION_JSON)
				.content("{\"year\":" + TestYears.fresh() + "}"))
			.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(created);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	/** Starts the act from the plan's page: answered at once with the page naming the run. */
	long start(String plan, String act) throws Exception {
		String shown = mvc.perform(post("/plans/" + plan + "/" + act).with(putuo()).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(shown).startsWith("/plans/" + plan + "?work=");
		return Long.parseLong(shown.substring(shown.indexOf("work=") + 5));
	}

	Work run(long id) {
		return Acting.as("putuo", () -> works.find(id));
	}

	Work ended(long id) {
		await().atMost(Duration.ofSeconds(60)).until(() -> !run(id).running());
		return run(id);
	}

	String page(String path) throws Exception {
		return mvc.perform(get(path).with(putuo())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	@Test
	void composingRunsInTheBackgroundOnceAtATimeAndTheDraftsActsWaitForIt() throws Exception {
		String plan = open();
		long composing;
		try (Holding head = Holding.auditHead(dataSource)) {
			composing = start(plan, "composition");
			await().atMost(Duration.ofSeconds(10)).until(() -> run(composing).stage() != null
					&& !run(composing).stage().contains("排队"));
			String running = page("/plans/" + plan);
			assertThat(running).as("the page shows the run in progress, polled, and offers no act meanwhile")
				.contains("work-running", "hx-get=\"/work/" + composing + "\"", "正在进行：编制 ")
				.doesNotContain(">编制<", ">排期<", ">提交<");

			for (String act : new String[] { "composition", "schedule" }) {
				mvc.perform(post("/plans/" + plan + "/" + act).with(putuo()).with(csrf()))
					.andExpect(status().is3xxRedirection())
					.andExpect(flash().attribute("refused", org.hamcrest.Matchers.allOf(
							org.hamcrest.Matchers.containsString("“编制 "), org.hamcrest.Matchers.containsString("正在进行中"),
							org.hamcrest.Matchers.containsString("不能重复开始"))));
			}
			mvc.perform(post("/api/plans/" + plan + "/composition").with(putuo()).with(csrf()))
				.andExpect(status().isConflict());
			String submit = mvc.perform(post("/api/plans/" + plan + "/submission").with(putuo()).with(csrf()))
				.andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
			assertThat(submit).contains("正在进行中，完成后才能提交");
			assertThat(run(composing).status()).isEqualTo(WorkStatus.RUNNING);
		}
		Work composed = ended(composing);
		assertThat(composed.status()).isEqualTo(WorkStatus.DONE);
		assertThat(composed.message()).startsWith("已编制：督导式抽查 ");
		assertThat(composed.percent()).isEqualTo(100);
		assertThat(page("/plans/" + plan + "?work=" + composing)).contains("work-done", composed.message(), ">排期<");
		assertThat(page("/plans/" + plan)).as("without the run named, an ended run is not shown again")
			.doesNotContain("work-done");
	}

	@Test
	void schedulingShowsTheSolversProgressAndIsRefusedWhileItRuns() throws Exception {
		String plan = open();
		assertThat(ended(start(plan, "composition")).status()).isEqualTo(WorkStatus.DONE);
		long scheduling;
		// the schedule is written once solved: holding the plan's items, the run stays at its last stage
		try (Holding items = Holding.rows(dataSource, "select id from plan_item where plan_id = ? for update",
				Long.parseLong(plan))) {
			scheduling = start(plan, "schedule");
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(run(scheduling)).satisfies(w -> {
				assertThat(w.stage()).startsWith("保存 ");
				assertThat(w.percent()).isEqualTo(97);
			}));
			assertThat(page("/work/" + scheduling)).contains("保存 ", "97%");
			mvc.perform(post("/plans/" + plan + "/schedule").with(putuo()).with(csrf()))
				.andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("“排期 ")));
			mvc.perform(post("/api/plans/" + plan + "/schedule").with(putuo()).with(csrf()))
				.andExpect(status().isConflict());
		}
		Work scheduled = ended(scheduling);
		assertThat(scheduled.status()).isEqualTo(WorkStatus.DONE);
		assertThat(scheduled.message()).startsWith("已排期：").contains("项检查已安排日期和两名执法人员");
		assertThat(page("/plans/" + plan)).contains("（主办）");
	}

	@Test
	void theApiAnswers202WithTheRunsAddressWhenAskedToRespondAsync() throws Exception {
		String plan = open();
		MvcResult accepted = mvc.perform(post("/api/plans/" + plan + "/composition").header("Prefer", "respond-async")
				.with(putuo()).with(csrf()))
			.andExpect(status().isAccepted()).andExpect(header().string("Preference-Applied", "respond-async"))
			.andReturn();
		String location = accepted.getResponse().getHeader("Location");
		assertThat(location).matches("/api/work/\\d+");
		assertThat(accepted.getResponse().getContentAsString()).contains("\"status\":\"RUNNING\"", "\"label\":\"编制 ");
		long id = Long.parseLong(location.substring("/api/work/".length()));
		assertThat(ended(id).status()).isEqualTo(WorkStatus.DONE);
		assertThat(mvc.perform(get(location).with(putuo())).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString()).contains("\"status\":\"DONE\"", "\"percent\":100", "已编制：");

		// without the preference, the answer waits for the schedule, as before
		assertThat(mvc.perform(post("/api/plans/" + plan + "/schedule").with(putuo()).with(csrf()))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("\"scheduled\":");
		assertThat(Acting.as("putuo", () -> works.latest("planning.plan-items", plan)))
			.as("a schedule the caller waited for is recorded as a run too")
			.hasValueSatisfying(w -> assertThat(w.message()).startsWith("已排期："));
	}
}
