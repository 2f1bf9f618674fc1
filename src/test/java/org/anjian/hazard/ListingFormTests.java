package org.anjian.hazard;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.anjian.Acting;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.HazardFixtures.Found;
import org.anjian.hazard.internal.HazardListing;
import org.anjian.hazard.internal.ListedSupervision;
import org.anjian.hazard.internal.ListingLevel;
import org.anjian.identity.UserAccounts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The 挂牌督办 form and the progress report of a listing, refused: each comes back with everything typed and the
 * reason beside the field at fault, and nothing is listed or reported.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ListingFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ListedSupervision supervision;

	@Autowired
	HazardRectification rectification;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	HazardFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new HazardFixtures(registry, jdbc, rectification, accounts);
	}

	private RequestPostProcessor putuo() {
		return user(users.loadUserByUsername("putuo"));
	}

	@Test
	void aRefusedListingComesBackWithWhatWasTypedAndTheReasonBesideTheFieldAtFault() throws Exception {
		Found hazard = fixtures.rectifying("挂牌表单保留测试化工", "液氨储罐区未设置泄漏报警装置", true);
		String today = Acting.as("putuo", supervision::today).toString();
		MvcResult refused = mvc.perform(post("/hazards/{id}/listing", hazard.id()).with(putuo()).with(csrf())
			.param("level", "DISTRICT").param("responsibleName", "李志刚").param("responsiblePosition", "安全总监")
			.param("responsiblePhone", "021-66001234").param("dueOn", today).param("reason", "重大事故隐患，区级挂牌督办"))
			.andReturn();
		assertThat(refused.getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + hazard.id() + "/listing");
		assertThat(Acting.as("putuo", () -> supervision.ofHazard(hazard.id()))).isEmpty();

		Document page = page(hazard.id(), refused);
		assertThat(page.selectFirst("#list #error-dueOn").text()).isEqualTo("督办期限须晚于今天");
		assertThat(page.getElementById("dueOn").hasClass("is-invalid")).isTrue();
		assertThat(page.getElementById("dueOn").val()).isEqualTo(today);
		assertThat(page.selectFirst("#level option[selected]").val()).isEqualTo("DISTRICT");
		assertThat(page.getElementById("responsibleName").val()).isEqualTo("李志刚");
		assertThat(page.getElementById("responsiblePosition").val()).isEqualTo("安全总监");
		assertThat(page.getElementById("responsiblePhone").val()).isEqualTo("021-66001234");
		assertThat(page.getElementById("reason").text()).isEqualTo("重大事故隐患，区级挂牌督办");
		assertThat(page.getElementById("refused")).as("said beside the field, summed up above").isNull();
		assertThat(page.getElementById("form-error").text()).isEqualTo("请修改标红的内容后重新提交");

		// a day the browser did not check is refused beside the field too, not as a broken request
		MvcResult malformed = mvc.perform(post("/hazards/{id}/listing", hazard.id()).with(putuo()).with(csrf())
			.param("level", "DISTRICT").param("responsibleName", "李志刚").param("responsiblePosition", "安全总监")
			.param("responsiblePhone", "021-66001234").param("dueOn", "明年三月").param("reason", "重大事故隐患")).andReturn();
		assertThat(page(hazard.id(), malformed).selectFirst("#list #error-dueOn").text())
			.isEqualTo("日期“明年三月”格式不正确，应为 年-月-日");
	}

	@Test
	void aRefusedProgressReportComesBackWithItsTextAndDay() throws Exception {
		Found hazard = fixtures.rectifying("挂牌进展保留测试化工", "可燃气体报警装置失效", true);
		HazardListing listing = Acting.as("putuo", () -> supervision.list(hazard.id(),
				ListedSupervisionTests.order(ListingLevel.DISTRICT)));
		String tomorrow = Acting.as("putuo", supervision::today).plusDays(1).toString();
		MvcResult refused = mvc.perform(post("/hazards/{id}/listing/progress", hazard.id()).with(putuo()).with(csrf())
			.param("listingId", String.valueOf(listing.id())).param("version", String.valueOf(listing.version()))
			.param("reportedOn", tomorrow).param("text", "报警装置已订货")).andReturn();
		assertThat(Acting.as("putuo", () -> supervision.progress(listing.id()))).isEmpty();

		Document page = page(hazard.id(), refused);
		assertThat(page.selectFirst("#report #error-reportedOn").text()).isEqualTo("进展日期不能晚于今天");
		assertThat(page.selectFirst("#report input[name=reportedOn]").val()).isEqualTo(tomorrow);
		assertThat(page.selectFirst("#report textarea[name=text]").text()).isEqualTo("报警装置已订货");
		assertThat(LocalDate.parse(tomorrow)).isAfter(LocalDate.parse(page.selectFirst("#report input[name=reportedOn]")
			.attr("max")));
	}

	/** The listing page the browser is sent to, in the same session, as the browser follows the refusal. */
	private Document page(long hazard, MvcResult after) throws Exception {
		return Jsoup.parse(mvc.perform(get("/hazards/{id}/listing", hazard).with(putuo()).cookie(after.getResponse().getCookies()))
			.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}
}
