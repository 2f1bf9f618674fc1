package org.anjian.inspection.web;

import java.util.concurrent.atomic.AtomicLong;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.InspectionCodeFixtures;
import org.anjian.inspection.InspectionCodes;
import org.anjian.inspection.internal.InspectionRatings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The enterprise's rating of an inspection (score, 规范 / 廉洁 / 服务, comment) is read by the officers of the body that
 * inspected and by leaders, on the task page and in the list of low ratings to follow up; another body's officers —
 * the city corps, though its jurisdiction covers the district — see neither the rating nor a word about it, by
 * row-level security; the public page shows the score, never the comments.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RatingPagesTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	InspectionCodes codes;

	@Autowired
	InspectionRatings ratings;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor officer(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** A finished inspection of 普陀's brigade, rated low by its enterprise with a comment under each heading. */
	InspectionCodeFixtures.Task ratedLow() {
		long n = SEQUENCE.incrementAndGet();
		InspectionCodeFixtures.Task task = new InspectionCodeFixtures(jdbc, registry).task("310107", "评价跟进测试厂" + n,
				"FINISHED");
		codes.rate(task.token(), new InspectionCodes.RatingForm(2, "出示证件不规范" + n, "无异常" + n, "解释不耐心" + n,
				"希望提前告知检查事项" + n));
		return task;
	}

	String page(String uri, String username, Object... vars) throws Exception {
		return mvc.perform(get(uri, vars).with(officer(username))).andReturn().getResponse().getContentAsString();
	}

	@Test
	void theInspectingBodysOfficerReadsTheRatingOnTheTaskPageAndInTheLowRatingsToFollowUp() throws Exception {
		InspectionCodeFixtures.Task task = ratedLow();

		assertThat(page("/inspections/{id}", "putuo", task.id())).contains("id=\"rating\"", "2 分", "出示证件不规范",
				"解释不耐心", "希望提前告知检查事项", "查看需跟进的低分评价");
		assertThat(page("/inspections/ratings?low=true", "putuo")).contains(task.enterpriseName(), "出示证件不规范",
				"href=\"/inspections/" + task.id() + "\"", "低分评价（2 分及以下）");
	}

	@Test
	void aLeaderReadsItToo() throws Exception {
		InspectionCodeFixtures.Task task = ratedLow();

		assertThat(page("/inspections/ratings?low=true", "leader")).contains(task.enterpriseName(), "解释不耐心");
		assertThat(as("leader", () -> ratings.ofTask(task.id()))).isPresent();
	}

	@Test
	void anotherBodyReadsNeitherTheRatingNorThatThereIsOne() throws Exception {
		InspectionCodeFixtures.Task task = ratedLow();

		assertThat(as("city", () -> ratings.ofTask(task.id()))).as("row-level security, city-wide jurisdiction").isEmpty();
		assertThat(as("pudong", () -> ratings.ofTask(task.id()))).isEmpty();
		assertThat(page("/inspections/ratings?low=true", "city")).doesNotContain(task.enterpriseName(), "出示证件不规范");
		assertThat(page("/inspections/{id}", "city", task.id())).doesNotContain("id=\"rating\"", "出示证件不规范");
	}

	@Test
	void thePublicPageShowsTheScoreButNoComment() throws Exception {
		InspectionCodeFixtures.Task task = ratedLow();

		String page = mvc.perform(get("/p/ic/{token}", task.token())).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("id=\"rating\"").doesNotContain("出示证件不规范", "解释不耐心", "希望提前告知检查事项");
	}

	@Test
	void theListOfAllRatingsHoldsTheHighOnesTooAndTheLowListDoesNot() throws Exception {
		long n = SEQUENCE.incrementAndGet();
		InspectionCodeFixtures.Task high = new InspectionCodeFixtures(jdbc, registry).task("310107", "评价满意测试厂" + n,
				"FINISHED");
		codes.rate(high.token(), new InspectionCodes.RatingForm(5, null, null, null, "检查细致" + n));

		assertThat(page("/inspections/ratings", "putuo")).contains(high.enterpriseName(), "检查细致" + n);
		assertThat(page("/inspections/ratings?low=true", "putuo")).doesNotContain(high.enterpriseName());
	}
}
