package org.anjian.identity.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.anjian.Acting;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * An enterprise's user, linked to its enterprise through the administrator's page, sees its own enterprise and
 * nothing of its neighbour in the same street: every page and API it can ask for without naming a record, and the
 * records of its own enterprise that it can name, answer without the neighbour's name, code or hazard; the
 * neighbour's records are not found.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseUserReachTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	private Enterprise own;
	private Enterprise neighbour;
	private long ownHazard;
	private long neighbourHazard;
	private String username;

	@BeforeEach
	void anEnterpriseUserAndANeighbour() throws Exception {
		long n = SEQUENCE.incrementAndGet();
		own = Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", "可见本厂" + n)));
		neighbour = Acting.asSystem(() -> registry.register(TestEnterprises.chemicalStore("310107", "310107102", "邻厂仓储" + n)));
		ownHazard = hazard(own, "本厂隐患" + n);
		neighbourHazard = hazard(neighbour, "邻厂隐患" + n);
		username = "reach" + n;
		mvc.perform(post("/admin/users").with(user(users.loadUserByUsername("admin"))).with(csrf())
			.param("username", username).param("displayName", "本厂安全员").param("roles", "ENTERPRISE")
			.param("enterpriseUscc", own.uscc()).param("password", "initial-pass-13"));
	}

	@Test
	void itsOwnRecordsOpenAndShowNothingOfTheNeighbour() throws Exception {
		List<String> leaks = new ArrayList<>();
		for (String uri : List.of("/", "/enterprises/" + own.uscc(), "/enterprises/" + own.uscc() + "?tab=risk",
				"/enterprises/" + own.uscc() + "/contact", "/my/hazards", "/my/hazards/" + ownHazard, "/my/inspections")) {
			MockHttpServletResponse response = get(uri);
			assertThat(response.getStatus()).as(uri).isEqualTo(200);
			leaks.addAll(leaks(uri, response));
		}
		assertThat(leaks).isEmpty();
		assertThat(get("/my/hazards").getContentAsString()).contains("本厂隐患");
		assertThat(get("/enterprises").getRedirectedUrl()).isEqualTo("/enterprises/" + own.uscc());
	}

	@Test
	void theNeighboursRecordsAreNotFound() throws Exception {
		for (String uri : List.of("/enterprises/" + neighbour.uscc(), "/enterprises/" + neighbour.uscc() + "/contact",
				"/my/hazards/" + neighbourHazard, "/api/enterprises/" + neighbour.uscc())) {
			assertThat(get(uri).getStatus()).as(uri).isEqualTo(HttpStatus.NOT_FOUND.value());
		}
	}

	/** Every GET the application maps without a path variable, pages and APIs alike. */
	@Test
	void noPageOrApiItCanAskForShowsTheNeighbour() throws Exception {
		List<String> leaks = new ArrayList<>();
		int tried = 0;
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			var methods = entry.getKey().getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			for (String pattern : entry.getKey().getPathPatternsCondition().getPatternValues()) {
				if (pattern.contains("{") || pattern.startsWith("/error")) {
					continue;
				}
				tried++;
				MockHttpServletResponse response = get(pattern);
				assertThat(response.getStatus()).as(pattern).isLessThan(500);
				leaks.addAll(leaks(pattern, response));
			}
		}
		assertThat(tried).isGreaterThan(30);
		assertThat(leaks).isEmpty();
	}

	private List<String> leaks(String uri, MockHttpServletResponse response) throws Exception {
		String body = response.getContentAsString();
		return Stream.of(neighbour.name(), neighbour.uscc(), "邻厂隐患")
			.filter(body::contains)
			.map(marker -> uri + " shows “" + marker + "”")
			.toList();
	}

	private MockHttpServletResponse get(String uri) throws Exception {
		return mvc.perform(MockMvcRequestBuilders.get(uri).with(user(users.loadUserByUsername(username)))).andReturn()
			.getResponse();
	}

	/** A hazard the district found at the enterprise, being rectified (a fixture: the journeys find theirs by the pages). */
	private long hazard(Enterprise enterprise, String description) {
		return Acting.asSystem(() -> jdbc.sql("""
				insert into hazard (district_code, street_code, uscc, description, major, status, found_at, deadline)
				values ('310107', '310107102', :uscc, :description, false, 'RECTIFYING', now(), current_date + 30)
				returning id""").param("uscc", enterprise.uscc()).param("description", description).query(Long.class).single());
	}
}
