package org.anjian;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.anjian.enterprise.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Every endpoint that takes a credit code in its path, found from the handler mappings, answers a malformed code
 * with 400 and its reason (for a wrong check character, the expected one), and a well-formed unknown code with
 * 404; as the city officer, who could see the enterprise if it existed.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CreditCodeEndpointsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Test
	void everyEndpointTakingACreditCodeAnswers400ForAMalformedAnd404ForAnUnknownOne() throws Exception {
		String unknown = TestEnterprises.code("310107");
		char check = unknown.charAt(17);
		char wrong = check == '0' ? '1' : '0';
		String badCheck = unknown.substring(0, 17) + wrong;
		List<String> failures = new ArrayList<>();
		int endpoints = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			for (String pattern : entry.getKey().getPathPatternsCondition().getPatternValues()) {
				if (!pattern.contains("{uscc}")) {
					continue;
				}
				for (HttpMethod method : methods(entry.getKey())) {
					endpoints++;
					boolean api = pattern.startsWith("/api/");
					expect(failures, method, pattern.replace("{uscc}", badCheck), api, 400, "校验位");
					expect(failures, method, pattern.replace("{uscc}", badCheck), api, 400, String.valueOf(check));
					expect(failures, method, pattern.replace("{uscc}", unknown.substring(0, 17)), api, 400, "18");
					expect(failures, method, pattern.replace("{uscc}", unknown.substring(0, 16) + "I" + check), api, 400,
							"I");
					expect(failures, method, pattern.replace("{uscc}", unknown), api, 404, null);
				}
			}
		}
		assertThat(endpoints).as("endpoints with a credit code").isGreaterThanOrEqualTo(15);
		assertThat(failures).isEmpty();
	}

	private void expect(List<String> failures, HttpMethod method, String uri, boolean api, int status, String text)
			throws Exception {
		MockHttpServletResponse response = mvc.perform(request(method, uri)
			.with(user(users.loadUserByUsername("city")))
			.with(csrf())
			.contentType(api ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_FORM_URLENCODED)
			.content(api ? "{\"reason\": \"测试\", \"level\": \"DISTRICT\", \"kind\": \"ALARM\", \"occurredOn\": \"2026-11-01\"}"
					: "reason=测试"))
			.andReturn()
			.getResponse();
		String body = response.getContentAsString();
		if (response.getStatus() != status || (text != null && !body.contains(text))) {
			failures.add(method + " " + uri + " → " + response.getStatus() + " (expected " + status
					+ (text == null ? "" : " naming “" + text + "”") + "): "
					+ body.substring(0, Math.min(200, body.length())));
		}
	}

	private static Set<HttpMethod> methods(RequestMappingInfo info) {
		Set<HttpMethod> methods = new TreeSet<>((a, b) -> a.name().compareTo(b.name()));
		Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
		if (declared.isEmpty()) {
			methods.add(HttpMethod.GET);
		}
		declared.forEach(m -> methods.add(m.asHttpMethod()));
		return methods;
	}
}
