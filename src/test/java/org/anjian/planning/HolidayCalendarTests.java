package org.anjian.planning;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Year;
import java.time.temporal.TemporalAdjusters;

import org.anjian.TestYears;
import org.anjian.planning.internal.WorkCalendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
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
 * a day. The seeded 2026 calendar is read as it is (its days are the point); edits use a year of their own, so that
 * the 2026 calendar other tests schedule by stays as it is.
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
		return asSystem(() -> jdbc.sql("select name || '|' || working || '|' || status from public_holiday"
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
		int year = TestYears.fresh();
		assertThat(get200("putuo", "/calendar/" + year)).contains(year + " 年的节假日安排尚未录入", "仅按周六、周日休息")
			.doesNotContain("id=\"days\"");
		long weekends = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
			.filter(d -> d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY)
			.count();
		assertThat(weekends).as("Saturdays and Sundays of a year").isBetween(104L, 106L);
		assertThat(get200("putuo", "/api/calendar/" + year)).contains("\"days\":[]",
				"\"workingDays\":" + (Year.of(year).length() - weekends), "\"restDays\":" + weekends,
				"\"entered\":false");
		mvc.perform(get("/api/calendar/1900").with(as("putuo"))).andExpect(status().isBadRequest());
	}

	@Test
	void onlyAnAdministratorEntersChangesVerifiesAndRemovesADay() throws Exception {
		int year = TestYears.fresh();
		String national = year + "-10-01";
		String day = "/api/calendar/days/" + national;
		String json = "{\"name\":\"国庆节\",\"working\":false,\"source\":\"国务院办公厅关于" + year + "年部分节假日安排的通知\"}";
		for (String user : new String[] { "putuo", "leader", "city" }) {
			mvc.perform(put(day).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
				.andExpect(status().isForbidden());
		}
		mvc.perform(post("/calendar/days").param("day", national).param("name", "国庆节").param("working", "false")
			.param("source", "通知").with(as("leader")).with(csrf())).andExpect(status().isForbidden());
		assertThat(stored(national)).isNull();

		mvc.perform(put(day).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isOk());
		assertThat(stored(national)).isEqualTo("国庆节|false|UNVERIFIED");
		assertThat(workCalendar.year(year).isWorkingDay(LocalDate.parse(national))).isFalse();
		mvc.perform(post(day + "/verification").with(as("putuo")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(post(day + "/verification").with(as("admin")).with(csrf())).andExpect(status().isOk());
		assertThat(stored(national)).endsWith("|VERIFIED");
		assertThat(get200("putuo", "/calendar/" + year)).contains("已核对").doesNotContain("待核对");

		// a change must be checked again
		mvc.perform(put(day).with(as("admin")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
			.content(json.replace("国庆节", "国庆节（更正）"))).andExpect(status().isOk());
		assertThat(stored(national)).isEqualTo("国庆节（更正）|false|UNVERIFIED");

		mvc.perform(delete(day).with(as("putuo")).with(csrf())).andExpect(status().isForbidden());
		mvc.perform(delete(day).with(as("admin")).with(csrf())).andExpect(status().isOk());
		assertThat(stored(national)).isNull();
		mvc.perform(delete(day).with(as("admin")).with(csrf())).andExpect(status().isNotFound());
	}

	@Test
	void anAdjustedWorkingDayMustBeAWeekendDayAndBadInputChangesNothing() throws Exception {
		int year = TestYears.fresh();
		String monday = LocalDate.of(year, 10, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).toString();
		String saturday = LocalDate.of(year, 10, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)).toString();
		String refused = mvc.perform(put("/api/calendar/days/" + monday).with(as("admin")).with(csrf())
				.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"调休上班\",\"working\":true,\"source\":\"通知\"}"))
			.andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
		assertThat(refused).contains("只能是周六或周日");
		mvc.perform(put("/api/calendar/days/" + monday).with(as("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \",\"working\":false,\"source\":\"通知\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(put("/api/calendar/days/" + year + "-02-30").with(as("admin")).with(csrf())
			.contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"x\",\"working\":false,\"source\":\"通知\"}"))
			.andExpect(status().isBadRequest());
		assertThat(stored(monday)).isNull();
		// the page tells the administrator why, on the calendar of that year
		mvc.perform(post("/calendar/days").param("day", monday).param("name", "调休上班").param("working", "true")
				.param("source", "通知").with(as("admin")).with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("refused", org.hamcrest.Matchers.containsString("只能是周六或周日")));
		// a Saturday: entered from the page, then the whole year verified at once
		mvc.perform(post("/calendar/days").param("day", saturday).param("name", "国庆节调休上班").param("working", "true")
				.param("source", "通知").with(as("admin")).with(csrf()))
			.andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("待核对")));
		mvc.perform(post("/calendar/" + year + "/verification").with(as("admin")).with(csrf()))
			.andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("已核对")));
		assertThat(stored(saturday)).isEqualTo("国庆节调休上班|true|VERIFIED");
		mvc.perform(post("/calendar/days/" + saturday + "/removal").with(as("admin")).with(csrf()))
			.andExpect(flash().attribute("done", org.hamcrest.Matchers.containsString("已删除")));
	}
}
