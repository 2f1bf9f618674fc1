package org.anjian.shared.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** What a user sees when something goes wrong: a Chinese explanation, never a stack trace. */
@SpringBootTest
@AutoConfigureMockMvc
class ErrorHandlingTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void unknownPageShowsFriendlyChineseErrorPage() throws Exception {
		MvcResult result = mvc.perform(get("/no/such/page").with(user(users.loadUserByUsername("putuo")))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(404);
		assertThat(result.getResponse().getContentAsString()).contains("您访问的地址不存在", "返回首页")
			.doesNotContain("Exception", "at org.");
	}

	@Test
	void malformedJsonAnswersChineseProblemDetail() throws Exception {
		MvcResult result = mvc.perform(post("/api/experts").with(user(users.loadUserByUsername("putuo"))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{not json")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentType()).startsWith("application/problem+json");
		assertThat(result.getResponse().getContentAsString()).contains("请求内容无法解析").doesNotContain("Exception");
	}

	@Test
	void wrongParameterTypeNamesTheParameterInChinese() throws Exception {
		MvcResult result = mvc.perform(get("/api/officers/abc").with(user(users.loadUserByUsername("putuo")))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("参数 id 的值“abc”格式不正确");
	}

	@Test
	void aPageToldAWrongValueSaysWhatKindOfValueItExpectsNotTheParametersName() throws Exception {
		MvcResult result = mvc.perform(get("/hazards/abc").with(user(users.loadUserByUsername("putuo")))).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("“abc”不是有效的数字（编号、年份或页码）")
			.doesNotContain("参数 id");
	}

	@Test
	void invalidInputNamesTheFieldAndChangesNothing() throws Exception {
		MvcResult result = mvc.perform(post("/api/officers").with(user(users.loadUserByUsername("admin"))).with(csrf())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\":\"新人\",\"badgeNumber\":\"x-1\",\"bodyId\":1}")).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(400);
		assertThat(result.getResponse().getContentAsString()).contains("\"badgeNumber\"", "执法证号应为6到20位");
		MvcResult list = mvc.perform(get("/api/officers").param("q", "新人").with(user(users.loadUserByUsername("admin")))).andReturn();
		assertThat(list.getResponse().getContentAsString()).isEqualTo("[]");
	}

	@Test
	void unsupportedMethodAnswersChineseProblem() throws Exception {
		MvcResult result = mvc.perform(post("/api/me").with(user(users.loadUserByUsername("putuo"))).with(csrf())).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(405);
		assertThat(result.getResponse().getContentAsString()).contains("不支持 POST 请求");
	}
}
