package org.anjian;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * A dashboard narrowed to a district ({@code ?district=}) shows that district to those whose jurisdiction reaches it
 * and refuses it, by name and in Chinese, to everyone else — never an empty board that looks like a district without
 * grades or hazards; an unknown code is bad input.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardReachTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	MockHttpServletResponse get(String uri, String username) throws Exception {
		return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(uri)
			.with(user(users.loadUserByUsername(username)))).andReturn().getResponse();
	}

	@Test
	void aDistrictOfficerIsRefusedAnotherDistrictsDashboardsByName() throws Exception {
		for (String uri : new String[] { "/grading?district=310115", "/hazards/dashboard?district=310115" }) {
			MockHttpServletResponse refused = get(uri, "putuo");
			assertThat(refused.getStatus()).as(uri).isEqualTo(403);
			assertThat(refused.getContentAsString()).as(uri).contains("浦东新区不在您的管辖范围（普陀区）内");
		}
		MockHttpServletResponse api = get("/api/hazards/dashboard?district=310115", "putuo");
		assertThat(api.getStatus()).isEqualTo(403);
		assertThat(api.getContentAsString()).contains("浦东新区不在您的管辖范围");
		assertThat(get("/api/grading/dashboard?district=310115", "putuo").getStatus()).isEqualTo(403);
	}

	@Test
	void theirOwnDistrictIsShownToTheDistrictAndToItsStreets() throws Exception {
		assertThat(get("/grading?district=310107", "putuo").getStatus()).isEqualTo(200);
		assertThat(get("/hazards/dashboard?district=310107", "putuo").getStatus()).isEqualTo(200);
		assertThat(get("/grading?district=310107", "changzheng").getStatus()).isEqualTo(200);
		assertThat(get("/grading?district=310115", "changzheng").getStatus()).isEqualTo(403);
	}

	@Test
	void theCityLooksIntoADistrictsStreets() throws Exception {
		MockHttpServletResponse narrowed = get("/hazards/dashboard?district=310107", "city");

		assertThat(narrowed.getStatus()).isEqualTo(200);
		assertThat(narrowed.getContentAsString()).contains("id=\"narrowed\"", "普陀区", "长征镇", "返回全市");
		assertThat(get("/hazards/dashboard", "city").getContentAsString())
			.contains("href=\"/hazards/dashboard?year=");
	}

	@Test
	void anUnknownDistrictIsBadInput() throws Exception {
		MockHttpServletResponse bad = get("/grading?district=999999", "city");

		assertThat(bad.getStatus()).isEqualTo(400);
		assertThat(bad.getContentAsString()).contains("没有代码为“999999”的区");
		assertThat(get("/hazards/dashboard?district=310107102", "city").getStatus()).isEqualTo(400);
	}
}
