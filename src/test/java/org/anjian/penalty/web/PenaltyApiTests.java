package org.anjian.penalty.web;

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

/**
 * Issue 15, build item 10: "two API endpoints other systems and auditors can call (officers and LEGAL_REVIEWER):
 * GET /api/penalty/catalogue … POST /api/penalty/discretion … the factor codes are listed by GET /api/penalty/factors".
 */
@SpringBootTest
@AutoConfigureMockMvc
class PenaltyApiTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void theCatalogueListsEveryFineWithItsArticleTierPartyAndRange() {
		assertThat(mvc.get().uri("/api/penalty/catalogue").with(as("legal"))).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json.getJson()).contains("\"id\":\"SL97-overdue-unit\"");
			})
			.extractingPath("$[?(@.id == 'SL97-overdue-unit')]")
			.asArray()
			.singleElement()
			.asString()
			.contains("article=97", "tier=overdue", "party=unit", "min=100000", "max=200000");
		assertThat(mvc.get().uri("/api/penalty/catalogue").with(as("putuo"))).bodyJson()
			.extractingPath("$[?(@.id == 'SL114-accident-general')].bands[*].min")
			.asArray()
			.containsExactly(300000, 500000, 700000);
	}

	@Test
	void theFactorCodesAreListed() {
		assertThat(mvc.get().uri("/api/penalty/factors").with(as("changzheng"))).hasStatusOk()
			.bodyJson()
			.extractingPath("$[*].code")
			.asArray()
			.contains("SAFETY_RISK_HIGH", "AGG_OBSTRUCTING", "MIT_CONFESSED", "NO_PENALTY_FIRST");
	}

	@Test
	void theBenchmarkProposesABandAndAnAmountWithItsReasons() {
		var answer = mvc.post().uri("/api/penalty/discretion").with(as("putuo")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"entry\":\"SL97-overdue-unit\",\"factors\":[\"AGG_CONTINUING\",\"HARM_SERIOUS\"]}");
		assertThat(answer).hasStatusOk().bodyJson().satisfies(json -> {
			assertThat(json).extractingPath("$.statutoryMin").isEqualTo(100000);
			assertThat(json).extractingPath("$.statutoryMax").isEqualTo(200000);
			assertThat(json).extractingPath("$.band").isEqualTo("heavier");
			assertThat(json).extractingPath("$.bandMin").isEqualTo(170000);
			assertThat(json).extractingPath("$.noPenalty").isEqualTo(false);
			assertThat(json).extractingPath("$.hearingRequired").isEqualTo(true);
			assertThat(json).extractingPath("$.reasons").asArray().anySatisfy(r -> assertThat(r.toString()).contains("从重"));
		});
		assertThat(mvc.post().uri("/api/penalty/discretion").with(as("legal")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"entry\":\"SL99-initial-unit\",\"factors\":[\"NO_PENALTY_MINOR\"]}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.noPenalty")
			.isEqualTo(true);
	}

	@Test
	void anAccidentFineFollowsTheConsequencesAndItsLevel() {
		assertThat(mvc.post().uri("/api/penalty/discretion").with(as("city")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"entry\":\"SL114-accident-general\",\"factors\":[],"
					+ "\"accident\":{\"deaths\":1,\"seriousInjuries\":0,\"directLossYuan\":2000000}}"))
			.hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.statutoryMin").isEqualTo(500000);
				assertThat(json).extractingPath("$.statutoryMax").isEqualTo(700000);
			});
		assertThat(mvc.post().uri("/api/penalty/discretion").with(as("city")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"entry\":\"SL114-accident-general\",\"accident\":{\"deaths\":4}}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("较大事故");
	}

	@Test
	void badInputIsRefusedInChinese() {
		assertThat(post("{\"entry\":\"SL97-overdue-unit\",\"amount\":250000}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("《安全生产法》第97条", "10万元以上20万元以下");
		assertThat(post("{\"entry\":\"SL97-overdue-unit\",\"factors\":[\"NO_SUCH\"]}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("未知的裁量因素代码", "NO_SUCH");
		assertThat(post("{\"entry\":\"SL1-none\"}")).hasStatus(HttpStatus.NOT_FOUND).bodyText().contains("裁量目录中没有条目");
		assertThat(post("{\"factors\":[]}")).hasStatus(HttpStatus.BAD_REQUEST).bodyText().contains("entry");
		assertThat(post("{\"entry\":\"SL97-overdue-unit\",\"amount\":190000}")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.amountReview")
			.asString()
			.contains("书面说明理由");
	}

	@Test
	void onlyOfficersAndLegalReviewersCallIt() {
		for (String other : new String[] { "leader", "admin" }) {
			assertThat(mvc.get().uri("/api/penalty/catalogue").with(as(other))).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.get().uri("/api/penalty/factors")).hasStatus(HttpStatus.UNAUTHORIZED);
	}

	private MockMvcTester.MockMvcRequestBuilder post(String body) {
		return mvc.post().uri("/api/penalty/discretion").with(as("putuo")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}
}
