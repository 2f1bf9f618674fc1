package org.anjian.inspection.web;

import java.nio.charset.StandardCharsets;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.InspectionCodeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The officer's page of a finished task: every item with its result and note, the inspection code as an image, and
 * the hazards loaded from the hazard module's fragment rather than read by the inspection module.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InspectionTaskPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserDetailsService users;

	@Test
	void aFinishedTaskShowsEveryItemsResultTheCodeImageAndLoadsItsHazardsFromTheHazardModule() throws Exception {
		InspectionCodeFixtures.Task task = new InspectionCodeFixtures(jdbc, registry).task("310107", "任务页测试机械厂",
				"FINISHED");
		String page = mvc.perform(get("/inspections/{id}", task.id()).with(user(users.loadUserByUsername("putuo"))))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(page).contains("（2 项，已记录 2 项）", "class=\"badge result text-bg-success\">合格<",
				"class=\"badge result text-bg-danger\">不合格<", "说明：" + task.failedNote());
		assertThat(page).contains("<img src=\"/p/ic/" + task.token() + ".png\"", "id=\"code-image\"");
		assertThat(page).contains("hx-get=\"/hazards/of-task/" + task.id() + "\"", "hx-trigger=\"load\"")
			.as("the hazards themselves are the fragment's").doesNotContain(task.finding());
	}
}
