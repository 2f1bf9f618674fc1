package org.anjian.enterprise;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.anjian.Acting;
import org.anjian.Holding;
import org.anjian.shared.work.BackgroundWork;
import org.anjian.shared.work.Work;
import org.anjian.shared.work.WorkStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Imports run in the background from the import page (and from the API when asked to respond at once): answered at
 * once, one at a time per jurisdiction, still all or nothing, the report or every bad row kept with the run and shown
 * on the page. The test holds the audit trail's head (every written file waits for it) to watch an import in
 * progress.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseImportWorkTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	BackgroundWork works;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	MockMultipartFile file(List<List<String>> rows) {
		return new MockMultipartFile("file", "企业.csv", "text/csv", ImportRows.csv(rows).getBytes(StandardCharsets.UTF_8));
	}

	/** Uploads on the import page as the user; answers the run the page then names. */
	long startOnPage(String username, MockMultipartFile file) throws Exception {
		String shown = mvc.perform(multipart("/enterprises/import").file(file).with(as(username)).with(csrf()))
			.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
		assertThat(shown).startsWith("/enterprises/import?work=");
		return Long.parseLong(shown.substring(shown.indexOf("work=") + 5));
	}

	Work ended(String username, long id) {
		await().atMost(Duration.ofSeconds(120)).until(() -> !Acting.as(username, () -> works.find(id)).running());
		return Acting.as(username, () -> works.find(id));
	}

	String page(String username, String path) throws Exception {
		return mvc.perform(get(path).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	long tagged(String tag) {
		return asSystem(() -> jdbc.sql("select count(*) from enterprise where substr(uscc, 9, 4) = :tag")
			.param("tag", tag).query(Long.class).single());
	}

	@Test
	void thePageImportsInTheBackgroundOneImportAtATimePerJurisdictionAndShowsTheReport() throws Exception {
		String tag = ImportRows.tag();
		List<List<String>> rows = new ArrayList<>();
		IntStream.range(0, 300).forEach(i -> rows.add(ImportRows.row(tag, i)));
		assertThat(page("city", "/enterprises/import")).contains("id=\"import-form\"", "enctype=\"multipart/form-data\"");

		long importing;
		try (Holding head = Holding.auditHead(dataSource)) {
			importing = startOnPage("city", file(rows));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Acting.as("city",
					() -> works.find(importing)).stage()).as("checked, now writing").contains("写入"));
			assertThat(page("city", "/enterprises/import")).as("the page shows the import in progress, without the form")
				.contains("work-running", "hx-get=\"/work/" + importing + "\"", "导入企业档案（企业.csv）")
				.doesNotContain("id=\"import-form\"");

			mvc.perform(multipart("/enterprises/import").file(file(rows)).with(as("city")).with(csrf()))
				.andExpect(status().is3xxRedirection())
				.andExpect(flash().attribute("refused", org.hamcrest.Matchers.allOf(
						org.hamcrest.Matchers.containsString("“导入企业档案（企业.csv）”正在进行中"),
						org.hamcrest.Matchers.containsString("不能重复开始"))));
			mvc.perform(multipart("/api/enterprises/import").file(file(rows)).with(as("city")).with(csrf()))
				.andExpect(status().isConflict());
			assertThat(tagged(tag)).as("nothing written before the import's one transaction commits").isZero();
		}
		Work imported = ended("city", importing);
		assertThat(imported.status()).isEqualTo(WorkStatus.DONE);
		assertThat(imported.message()).isEqualTo("已导入 300 行：新建档案 300 户，更新 0 户，无变化 0 户");
		assertThat(tagged(tag)).isEqualTo(300);
		String report = page("city", "/enterprises/import?work=" + importing);
		assertThat(report).contains("work-done", "id=\"import-report\"", "id=\"report-created\">300<", "id=\"import-form\"");
		JsonNode kept = JSON.readTree(mvc.perform(get("/api/work/" + importing).with(as("city"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(kept.get("result").get("created").asInt()).isEqualTo(300);
		assertThat(kept.get("result").get("createdRows")).hasSize(300);
	}

	@Test
	void aFileWithBadRowsChangesNothingAndThePageListsEveryBadRowByLineColumnAndReason() throws Exception {
		String tag = ImportRows.tag();
		List<List<String>> rows = new ArrayList<>();
		IntStream.range(0, 50).forEach(i -> rows.add(ImportRows.row(tag, i)));
		rows.get(10).set(6, "火星区"); // line 12
		rows.get(40).set(15, "巨型"); // line 42

		Work refused = ended("city", startOnPage("city", file(rows)));

		assertThat(refused.status()).isEqualTo(WorkStatus.FAILED);
		assertThat(refused.message()).contains("2 行有误", "未导入任何数据");
		assertThat(tagged(tag)).isZero();
		String page = page("city", "/enterprises/import?work=" + refused.id());
		assertThat(page).contains("work-failed", "id=\"bad-rows\"", "文件中有 2 行有误", "<td>12</td>", "火星区", "<td>42</td>",
				"<td>规模</td>", "巨型");
		JsonNode kept = JSON.readTree(mvc.perform(get("/api/work/" + refused.id()).with(as("city"))).andReturn()
			.getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(kept.get("status").asString()).isEqualTo("FAILED");
		assertThat(kept.get("result").get("badRowCount").asLong()).isEqualTo(2);
		assertThat(kept.get("result").get("rowErrors")).hasSize(2);
		assertThat(kept.get("result").get("rowErrors").get(0).get("line").asLong()).isEqualTo(12);
		assertThat(kept.get("result").get("rowErrors").get(1).get("column").asString()).isEqualTo("规模");
		assertThat(page("putuo", "/enterprises/import?work=" + refused.id())).as("another jurisdiction's run is not shown")
			.doesNotContain("火星区");
	}

	@Test
	void theApiAnswers202WithTheRunsAddressWhenAskedToRespondAsyncAndKeepsTheReport() throws Exception {
		String tag = ImportRows.tag();
		MvcResult accepted = mvc.perform(multipart("/api/enterprises/import").file(file(List.of(ImportRows.row(tag, 1),
				ImportRows.row(tag, 2)))).header("Prefer", "respond-async").with(as("city")).with(csrf()))
			.andExpect(status().isAccepted()).andReturn();
		String location = accepted.getResponse().getHeader("Location");
		assertThat(location).matches("/api/work/\\d+");
		long id = Long.parseLong(location.substring("/api/work/".length()));
		assertThat(ended("city", id).status()).isEqualTo(WorkStatus.DONE);
		JsonNode run = JSON.readTree(mvc.perform(get(location).with(as("city"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
		assertThat(run.get("result").get("created").asInt()).isEqualTo(2);
		assertThat(run.get("result").get("format").asString()).contains("csv");
		assertThat(tagged(tag)).isEqualTo(2);
	}

	@Test
	void onlyOfficersHaveTheImportPage() throws Exception {
		mvc.perform(get("/enterprises/import").with(as("leader"))).andExpect(status().isForbidden());
		mvc.perform(get("/enterprises/import").with(user("firm").roles("ENTERPRISE"))).andExpect(status().isForbidden());
		assertThat(page("putuo", "/enterprises")).contains("id=\"import-enterprises\"", "id=\"export-enterprises\"");
		assertThat(page("leader", "/enterprises")).doesNotContain("id=\"import-enterprises\"");
	}
}
