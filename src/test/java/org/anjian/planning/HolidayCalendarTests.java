package org.anjian.planning;

import org.anjian.shared.database.SystemScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The national holiday calendar: everyone logged in reads a year, unverified days are flagged (待核对), a year
 * not entered says only weekends are rest days, and only an administrator enters, changes, verifies or removes
 * a day. Edits use the year 2087 so that the seeded 2026 calendar other tests schedule by stays as it is.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HolidayCalendarTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WorkCalendar workCalendar;

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	String get200(String username, String uri) throws Exception {
		return mvc.perform(get(uri).with(as(username))).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString();
	}

	String stored(String day) {
		return SystemScope.call("test", () -> jdbc.sql("select name || '|' || working || '|' || status from public_holiday"
				+ " where day = cast(:d as date)").param("d", day).query(String.class).optional().orElse(null));
	}

	@Test
	void everyoneLoggedInReadsAYearAndUnverifiedDaysAreFlagged() throws Exception {
		String page = get200("putuo", "/calendar/2026");
		assertThat(page).contains("2026 年节假日日历", "国庆节", "国庆节调休上班", "待核对", "调休上班", "unverifiedWarning")
			.doesNotContain("/calendar/days/2026-10-01/verification", "id=\"enter\"");
		String api = get200("changzheng", "/api/calendar/2026");
		assertThat(api).contains("\"day\":\"2026-10-01\"", "\"name\":\"国庆节\"", "\"working\":false",
				"\"status\":\"UNVERIFIED\"", "\"day\":\"2026-10-10\"", "\"working\":true");
		assertThat(get200("admin", "/calendar/2026")).contains("/calendar/days/2026-10-01/verification", "id=\"enter\"");
	}

	@Test
	void aYearWithoutEntriesSaysSoAndCountsOnlyWeekendsAsRestDays() throws Exception {
		assertThat(get200("putuo", "/calendar/2091")).contains("2091 年的节假日安排尚未录入", "仅按周六、周日休息").doesNotContain("id=\"days\"");
		// 2091 has 365 days, 104 of them Saturdays and Sundays
		assertThat(get200("putuo", "/api/calendar/2091")).contains("\"days\":[]", "\"workingDays\":261",
				"\"restDays\":104", "\"entered\":false");
		mvc.perform(get("/api/calendar/1900").with(as("putuo"))).andExpect(status().isBadRequest());
	}

	@Test
	void onlyAnAdministratorEntersChangesVerifiesAndRemovesADay() throws Exception {
		String day = "/api/calendar/days/2087-10-01";
		String json = "{\"name\":\"国庆节\",\"working\":false,\"source\":\"国务院办公厅关于2087年部分节假日安排的通知\"}";
		for (String user : new String[] { "putuo", "leader", "city" }) {
			mvc.perform(put(day).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/calendar/days").param("day", "2087-10-01").param("name", "国庆节").param("working", "false")
			.param("source", "通知").with(as("leader")).with(csrf())).andExpect(status().isForbidden());
		assertThat(stored("2087-10-01")).isNull();

		mvc.perform(put(day).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isOk());
		assertThat(stored("2087-10-01")).isEqualTo("国庆节|false|UNVERIFIED");
		assertThat(workCalendar.year(2087).isWorkingDay(java.time.LocalDate.of(2087, 10, 1))).isFalse();
		mvc.perform(post(day + "/verification").with(as("putuo")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post(day + "/verification").with(as("admin")).with(csrf())).andExpect(status().isOk());
		assertThat(stored("2087-10-01")).endsWith("|VERIFIED");
		assertThat(get200("putuo", "/calendar/2087")).contains("已核对").doesNotContain("待核对");

		// a change must be checked again
		mvc.perform(put(day).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("国庆节", "国庆节（更正）"))).andExpect(status().isOk());
		assertThat(stored("2087-10-01")).isEqualTo("国庆节（更正）|false|UNVERIFIED");

		mvc.perform(delete(day).with(as("putuo")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(delete(day).with(as("admin")).with(csrf())).andExpect(status().isOk());
		assertThat(stored("2087-10-01")).isNull();
		mvc.perform(delete(day).with(as("admin")).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void anAdjustedWorkingDayMustBeAWeekendDayAndBadInputChangesNothing() throws Exception {
		// 2087-10-06 is a Monday
		String refused = mvc.perform(put("/api/calendar/days/2087-10-06").with(as("admin")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"调休上班\",\"working\":true,\"source\":\"通知\"}"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("只能是周六或周日");
		mvc.perform(put("/api/calendar/days/2087-10-06").with(as("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"working\":false,\"source\":\"通知\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(put("/api/calendar/days/2087-02-30").with(as("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"working\":false,\"source\":\"通知\"}"))
			.andExpect(status().isBadRequest());
		assertThat(stored("2087-10-06")).isNull();
		// the page tells the administrator why, on the calendar of that year
		mvc.perform(post("/calendar/days").param("day", "2087-10-06").param("name", "调休上班").param("working", "true")
				.param("source", "通知").with(as("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("只能是周六或周日")));
		// 2087-10-04 is a Saturday: entered from the page, then the whole year verified at once
		mvc.perform(post("/calendar/days").param("day", "2087-10-04").param("name", "国庆节调休上班").param("working", "true")
				.param("source", "通知").with(as("admin")).with(csrf()))
			.andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("待核对")));
		mvc.perform(post("/calendar/2087/verification").with(as("admin")).with(csrf()))
			.andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("已核对")));
		assertThat(stored("2087-10-04")).isEqualTo("国庆节调休上班|true|VERIFIED");
		mvc.perform(post("/calendar/days/2087-10-04/removal").with(as("admin")).with(csrf()))
			.andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("已删除")));
	}
}
