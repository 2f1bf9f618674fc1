package org.anjian.inspection;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.anjian.enterprise.EnterpriseRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.ReadBack.pdfText;
import static org.anjian.ReadBack.qrOfFirstPage;
import static org.anjian.ReadBack.squeezed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The inspection code's tokens, and the inspection's own document read back by {@code pdftotext}: the on-site
 * record with the QR code of its inspection code. The public page of the code is the portal's
 * ({@code InspectionCodePageTests}), the documents about the hazards the hazard module's
 * ({@code RectificationDocumentTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class InspectionCodeTests {

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

	private InspectionCodeFixtures fixtures() {
		return new InspectionCodeFixtures(jdbc, registry);
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	@Test
	void newTokensAreLongUrlSafeAndNeverRepeat() {
		Set<String> tokens = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String token = InspectionCodes.newToken();
			assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
			assertThat(InspectionCodes.wellFormed(token)).isTrue();
			tokens.add(token);
		}
		assertThat(tokens).hasSize(1000);
	}

	@Test
	void theRecordReadsInChineseWithTheEnterpriseItsItemsAndTheFindingsAndCarriesTheCode() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUTUO, "检查码测试文书机械厂", "FINISHED");
		String record = pdfText(mvc.perform(get("/inspections/{id}/record.pdf", task.id()).with(as("putuo"))).andReturn()
			.getResponse());
		assertThat(record).contains("现场检查记录", task.documentNumber(), task.enterpriseName(), task.uscc(),
				task.leadBadge(), task.secondBadge(), "不符合", "【重大事故隐患】");
		assertThat(squeezed(record)).contains(squeezed(task.finding()), squeezed(task.failedNote()), "第1页");

		assertThat(qrOfFirstPage(mvc.perform(get("/inspections/{id}/record.pdf", task.id()).with(as("putuo"))).andReturn()
			.getResponse())).as("the QR code printed on the record").isEqualTo("http://localhost/p/ic/" + task.token());
	}

	@Test
	void aPutuoOfficerFindsNoPudongInspectionRecord() throws Exception {
		InspectionCodeFixtures.Task task = fixtures().task(PUDONG, "检查码测试浦东文书厂", "FINISHED");
		MockHttpServletResponse response = mvc.perform(get("/inspections/{id}/record.pdf", task.id()).with(as("putuo")))
			.andReturn().getResponse();
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).doesNotContain(task.enterpriseName());
	}
}
