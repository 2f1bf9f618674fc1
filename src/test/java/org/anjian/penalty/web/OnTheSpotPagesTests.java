package org.anjian.penalty.web;

import java.nio.charset.StandardCharsets;

import org.anjian.penalty.PenaltyFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * 当场处罚 through the officer's page (行政处罚法第五十一、五十二条): every no-penalty ground answered, a fine within the
 * simple procedure's amount, a second officer, the party's statement and the four reasons; a fine above the amount is
 * refused in Chinese with what was typed kept, and nothing is made.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OnTheSpotPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PenaltyFixtures fixtures;

	@Test
	void anOfficerDecidesASmallFineOnTheSpotAndALargerOneIsRefusedWithTheFormKept() throws Exception {
		String uscc = fixtures.enterprise("当场处罚页面企业");
		Document form = page("/penalty-cases/on-the-spot?uscc=" + uscc);
		assertThat(form.select("#uscc").val()).isEqualTo(uscc);
		String second = form.select("#second-officer option").first().val();

		MvcResult refused = submit(uscc, "5000", second);
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/penalty-cases/on-the-spot?uscc=" + uscc);
		assertThat(refused.getFlashMap().get("refused")).asString().contains("第51条");
		assertThat(refused.getFlashMap().get("form")).asString().contains("未设置明显的安全警示标志");

		MvcResult decided = submit(uscc, "2000", second);
		String target = decided.getResponse().getRedirectedUrl();
		assertThat(target).matches("/penalty-cases/\\d+");
		assertThat(decided.getFlashMap().get("done")).asString().startsWith("已当场作出行政处罚决定并交付当事人");
		Document shown = page(target);
		assertThat(shown.select("#procedure").text()).isEqualTo("简易程序（当场处罚）");
		assertThat(shown.select("#status").text()).isEqualTo("已送达");
		assertThat(shown.select("#documents").text()).contains("行政处罚决定书", "送达回证");
	}

	private MvcResult submit(String uscc, String amount, String second) throws Exception {
		MockHttpServletRequestBuilder request = post("/penalty-cases/on-the-spot").with(as("putuo")).with(csrf())
			.param("uscc", uscc).param("party", "UNIT").param("entryId", "SL99-initial-unit")
			.param("facts", "未设置明显的安全警示标志").param("amount", amount).param("secondOfficer", second)
			.param("defence", "无异议").param("reasonFacts", "现场发现配电间未设置安全警示标志，有现场照片为证")
			.param("reasonLaw", "《安全生产法》第三十五条、第九十九条第（一）项")
			.param("reasonDiscretion", "当场改正，主动消除危害后果，从轻处罚").param("reasonDefence", "当事人无异议")
			.param("factors", "MIT_REMOVED_HARM");
		for (String ground : java.util.List.of("NO_PENALTY_MINOR", "NO_PENALTY_FIRST", "NO_PENALTY_NO_FAULT",
				"NO_PENALTY_SELF_REPORTED")) {
			request.param("ground_" + ground, "no");
		}
		return mvc.perform(request).andReturn();
	}

	private Document page(String path) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).with(as("putuo"))).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}
}
