package org.anjian.hazard.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.TaskHazards;
import org.anjian.inspection.InspectionCodeFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
import static org.anjian.ReadBack.pdfText;
import static org.anjian.ReadBack.qrOfFirstPage;
import static org.anjian.ReadBack.squeezed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * What the hazard module shows of an inspection's hazards: the fragment the task page loads, and the rectification
 * order and the decision on on-site measures read back by {@code pdftotext}, each within the caller's jurisdiction.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TaskHazardPagesTests {

	private static final String PUTUO = "310107";
	private static final String PUDONG = "310115";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserDetailsService users;

	@Autowired
	TaskHazards hazards;

	private InspectionCodeFixtures fixtures() {
		return new InspectionCodeFixtures(jdbc, registry);
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void theFragmentOfATaskListsItsHazardsWithStateDeadlineAndTheirDocuments() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "隐患片段测试机械厂", "FINISHED");
		Hazard hazard = asSystem(() -> hazards.of(task.id())).get(0);
		MockHttpServletResponse response = mvc.perform(get("/hazards/of-task/{id}", task.id()).with(as("putuo")))
			.andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(200);
		String fragment = response.getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).as("a fragment, not a page").doesNotContain("<html", "<nav");
		assertThat(fragment).contains("id=\"hazards\"", task.finding(), "重大", "整改中", "整改期限 " + hazard.deadline(),
				"/hazards/" + hazard.id(), "/inspections/" + task.id() + "/rectification-order.pdf",
				"/inspections/" + task.id() + "/on-site-measures.pdf");
	}

	@Test
	void theFragmentOfATaskWithoutHazardsIsEmptyAndATaskOutsideTheJurisdictionIsNotFound() throws Exception {
		InspectionCodeFixtures.Task clean = fixtures().task(PUTUO, "隐患片段测试无隐患厂", "IN_PROGRESS");
		String fragment = mvc.perform(get("/hazards/of-task/{id}", clean.id()).with(as("putuo"))).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(fragment).doesNotContain("id=\"hazards\"", "order-pdf");

		InspectionCodeFixtures.Task pudong = fixtures().task(PUDONG, "隐患片段测试浦东厂", "FINISHED");
		MockHttpServletResponse refused = mvc.perform(get("/hazards/of-task/{id}", pudong.id()).with(as("putuo")))
			.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(404);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(pudong.finding());
	}

	@Test
	void theOrdersReadInChineseWithTheEnterpriseTheFindingsTheirBasisAndDeadlineAndCarryTheCode() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试指令书机械厂", "FINISHED");
		Hazard hazard = asSystem(() -> hazards.of(task.id())).get(0);
		MockHttpServletResponse orderPdf = mvc.perform(get("/inspections/{id}/rectification-order.pdf", task.id())
			.with(as("putuo"))).andReturn().getResponse();
		String order = pdfText(orderPdf);
		assertThat(order).contains("责令限期整改指令书", task.documentNumber(), task.enterpriseName(), "整改期限",
				task.leadBadge(), task.secondBadge());
		assertThat(squeezed(order)).contains(squeezed(task.finding()), "第十七条", "【重大事故隐患】",
				hazard.deadline().getYear() + "年" + hazard.deadline().getMonthValue() + "月" + hazard.deadline().getDayOfMonth()
						+ "日前整改完毕",
				"第六十五条第一款第三项");
		assertThat(qrOfFirstPage(orderPdf)).as("the QR code printed on the order")
			.isEqualTo("http://localhost/p/ic/" + task.token());

		String measures = pdfText(mvc.perform(get("/inspections/{id}/on-site-measures.pdf", task.id()).with(as("putuo")))
			.andReturn().getResponse());
		assertThat(measures).contains("现场处理措施决定书", task.enterpriseName());
		assertThat(squeezed(measures)).contains(squeezed(task.finding()), "撤出作业人员");
	}

	@Test
	void aPutuoOfficerFindsNoPudongHazardDocuments() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUDONG, "检查码测试浦东指令书厂", "FINISHED");
		for (String document : List.of("rectification-order", "on-site-measures")) {
			MockHttpServletResponse response = mvc.perform(get("/inspections/{id}/" + document + ".pdf", task.id())
				.with(as("putuo"))).andReturn().getResponse();
			assertThat(response.getStatus()).as(document).isEqualTo(404);
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(task.enterpriseName());
		}
	}
}
