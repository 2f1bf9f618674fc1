package org.anjian.penalty.web;

import java.util.concurrent.atomic.AtomicLong;

import org.anjian.Acting;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/** Issue 15, build item 9: "REST under /api/penalty-cases", each act by the role the act table gives it. */
@SpringBootTest
@AutoConfigureMockMvc
class PenaltyCaseApiTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	EnterpriseRegistry registry;

	@Test
	void anOfficerFilesALeaderApprovesAndEachSeesTheCaseWithItsDeadline() throws Exception {
		String uscc = Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102",
				"处罚接口测试厂" + SEQUENCE.incrementAndGet()))).uscc();
		var filed = mvc.post().uri("/api/penalty-cases").with(as("putuo")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"uscc\":\"" + uscc + "\",\"party\":\"UNIT\",\"entry\":\"SL99-initial-unit\","
					+ "\"facts\":\"未对安全设备进行经常性维护、保养\"}")
			.exchange();
		assertThat(filed).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.status").isEqualTo("FILED");
		String id = com.jayway.jsonpath.JsonPath.read(filed.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.id").toString();

		assertThat(mvc.post().uri("/api/penalty-cases/{id}/approval", id).with(as("putuo")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"investigators\":[\"刘洋\",\"张伟\"]}")).hasStatus(HttpStatus.FORBIDDEN)
			.bodyText()
			.contains("审批案件");
		assertThat(mvc.post().uri("/api/penalty-cases/{id}/approval", id).with(as("leader")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"investigators\":[\"刘洋\",\"张伟\"],\"version\":0}")).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.status").isEqualTo("INVESTIGATING");
				assertThat(json).extractingPath("$.deadline.step").isEqualTo("作出决定");
			});
		assertThat(mvc.post().uri("/api/penalty-cases/{id}/delivery", id).with(as("putuo")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}")).hasStatus(HttpStatus.CONFLICT);
		assertThat(mvc.get().uri("/api/penalty-cases").with(as("legal"))).hasStatusOk()
			.bodyText()
			.contains("未对安全设备进行经常性维护、保养");
		assertThat(mvc.get().uri("/api/penalty-cases/{id}", id).with(as("pudong"))).hasStatus(HttpStatus.NOT_FOUND);
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}
}
