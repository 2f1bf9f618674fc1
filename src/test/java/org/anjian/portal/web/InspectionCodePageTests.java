package org.anjian.portal.web;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.anjian.Acting;
import org.anjian.TestOfficers;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.TaskHazards;
import org.anjian.inspection.InspectionCodeFixtures;
import org.anjian.inspection.InspectionCodes;
import org.anjian.shared.Zone;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.ReadBack.qr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The inspection code from the outside: its QR image read back by Debian's {@code zbarimg}, the public page it leads
 * to — the inspection with its day and result, and each hazard it found in its current state — the one rating, and
 * the 404 that tells nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InspectionCodePageTests {

	private static final String PUTUO = "310107";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	TaskHazards hazards;

	@Autowired
	HazardRectification rectification;

	private InspectionCodeFixtures fixtures() {
		return new InspectionCodeFixtures(jdbc, registry);
	}

	private String page(String token) throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/p/ic/{token}", token)).andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void theQrCodeScannedByZbarLeadsToThePublicPageOfItsInspection() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试扫码五金厂", "FINISHED");
		MockHttpServletResponse png = mvc.perform(get("/p/ic/{token}.png", task.token())).andReturn().getResponse();
		assertThat(png.getStatus()).isEqualTo(200);
		assertThat(png.getContentType()).isEqualTo("image/png");
		String url = qr(png.getContentAsByteArray());
		assertThat(url).isEqualTo("http://localhost/p/ic/" + task.token());

		String page = page(task.token());
		assertThat(page).contains(task.enterpriseName(), task.bodyName(), task.leadBadge(), task.secondBadge(),
				InspectionCodeFixtures.MATTER, "已完成", task.finding());
		assertThat(page).containsPattern("id=\"items-checked\">2<").containsPattern("id=\"passed\">1<")
			.containsPattern("id=\"failed\">1<");
		assertThat(page).as("the rating form, with the CSRF token a public form post needs").contains("id=\"rating-form\"",
				"name=\"_csrf\"");
	}

	@Test
	void thePageShowsTheDayOfTheInspectionNotThePlannedDayAndEachHazardsStateWithoutWhatIsPrivate() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试销号五金厂", "FINISHED");
		LocalDate today = LocalDate.now(Zone.SHANGHAI);
		Hazard hazard = Acting.asSystem(() -> hazards.of(task.id())).get(0);

		String open = page(task.token());
		assertThat(open).contains("id=\"inspected-on\">" + today + "<", "检查日期")
			.as("the fixture planned the visit three days ahead").doesNotContain(today.plusDays(3).toString());
		assertThat(open).contains("整改中", "class=\"deadline\">" + hazard.deadline() + "<").doesNotContain("已复查销号");

		Acting.asSystem(() -> rectification.submitEvidence(hazard.id(), "已在污水井旁设置警示标识（私密说明）", null));
		assertThat(page(task.token())).contains("已提交整改").doesNotContain("私密说明");
		Acting.asSystem(() -> rectification.verify(hazard.id(), "putuo", TestOfficers.forHazard(jdbc, hazard.id()), "复查合格（复查意见）", null));

		String closed = page(task.token());
		assertThat(closed).contains(task.finding(), "已复查销号", "class=\"closed-on\">" + today + "<")
			.doesNotContain("整改中", "class=\"deadline\"", "私密说明", "复查意见", "putuo");
	}

	@Test
	void anInspectionNotYetStartedShowsItsPlannedDay() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试待检五金厂", "PLAN_APPROVED");
		Acting.asSystem(() -> jdbc.sql("update inspection_task set started_at = null where id = :id").param("id", task.id())
			.update());
		String page = page(task.token());
		assertThat(page).contains("id=\"planned-on\">" + LocalDate.now(Zone.SHANGHAI).plusDays(3) + "<")
			.doesNotContain("id=\"inspected-on\"", "id=\"result\"");
	}

	@Test
	void aFinishedInspectionIsRatedOnceAndASecondRatingIsRefused() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试评价五金厂", "FINISHED");
		MockHttpServletResponse first = mvc.perform(post("/p/ic/{token}/rating", task.token()).with(csrf())
			.param("score", "4").param("conduct", "出示了执法证件").param("integrity", "无").param("service", "讲解耐心")
			.param("comment", "希望多给整改指导")).andReturn().getResponse();
		assertThat(first.getStatus()).isEqualTo(302);
		assertThat(first.getRedirectedUrl()).isEqualTo("/p/ic/" + task.token() + "?rated");
		String page = mvc.perform(get("/p/ic/{token}", task.token()).param("rated", "")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(page).contains("感谢您的评价").doesNotContain("id=\"rating-form\"");

		MockHttpServletResponse second = mvc.perform(post("/p/ic/{token}/rating", task.token()).with(csrf())
			.param("score", "1").param("comment", "再评一次")).andReturn().getResponse();
		assertThat(second.getStatus()).isEqualTo(409);
		assertThat(second.getContentAsString(StandardCharsets.UTF_8)).contains("只能评价一次");
		assertThat(rating(task.id())).isEqualTo("4|出示了执法证件|无|讲解耐心|希望多给整改指导");
	}

	@Test
	void anInspectionNotFinishedCannotBeRatedNorShowsAResult() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试进行中五金厂", "IN_PROGRESS");
		String page = page(task.token());
		assertThat(page).contains("检查中", task.leadBadge()).doesNotContain("id=\"rating-form\"", "id=\"result\"");
		MockHttpServletResponse refused = mvc.perform(post("/p/ic/{token}/rating", task.token()).with(csrf())
			.param("score", "5")).andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("检查尚未完成");
		assertThat(rating(task.id())).isNull();
	}

	@Test
	void aRatingWithoutScoreOrWithoutCsrfTokenChangesNothing() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试无分评价五金厂", "FINISHED");
		MockHttpServletResponse noScore = mvc.perform(post("/p/ic/{token}/rating", task.token()).with(csrf())
			.param("score", "9")).andReturn().getResponse();
		assertThat(noScore.getStatus()).isEqualTo(400);
		assertThat(noScore.getContentAsString(StandardCharsets.UTF_8)).contains("请选择 1 至 5 分");
		assertThat(mvc.perform(post("/p/ic/{token}/rating", task.token()).param("score", "5")).andReturn().getResponse()
			.getStatus()).isEqualTo(403);
		assertThat(rating(task.id())).isNull();
	}

	@Test
	void anUnknownOrMalformedTokenIsAnsweredLikeAnyUnknownAddress() throws Exception {
		String unknownAddress = mvc.perform(get("/p/no-such-page")).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		for (String token : List.of(InspectionCodes.newToken(), "short", "x".repeat(200))) {
			for (MockHttpServletResponse response : List.of(
					mvc.perform(get("/p/ic/{token}", token)).andReturn().getResponse(),
					mvc.perform(get("/p/ic/{token}.png", token)).andReturn().getResponse(),
					mvc.perform(post("/p/ic/{token}/rating", token).with(csrf()).param("score", "5")).andReturn()
						.getResponse())) {
				assertThat(response.getStatus()).as(token).isEqualTo(404);
				assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(token).isEqualTo(unknownAddress);
			}
		}
	}

	private String rating(long task) {
		return Acting.asSystem(() -> jdbc.sql("select concat_ws('|', score, conduct, integrity, service, comment)"
				+ " from inspection_rating where task_id = :id").param("id", task).query(String.class).optional().orElse(null));
	}
}
