package org.anjian.planning.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anjian.Acting;
import org.anjian.TestYears;
import org.anjian.grading.Grade;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.planning.AnnualPlan;
import org.anjian.planning.PlanComposition;
import org.anjian.planning.PlanFixtures;
import org.anjian.planning.PlanSettings;
import org.anjian.planning.Planning;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Planning's to-dos: a district's leader counts the annual plans of their district submitted for approval, not
 * another district's, and opens the first of them; the administrator counts the days of the holiday calendar still
 * to be checked, from this year on, on the calendar of the first such year.
 */
@SpringBootTest
class PlanningTodosTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	private static final String PUTUO = "310107";
	private static final String MINHANG = "310112";

	@Autowired
	PlanningTodos todos;

	@Autowired
	PlanFixtures fixtures;

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	HolidayCalendar calendar;

	@Autowired
	UserAccounts accounts;

	@Autowired
	CurrentActor actors;

	Map<String, Todo> of(String username, Audience audience) {
		return Acting.as(username, () -> todos.todos(audience, actors.current().orElseThrow()).stream()
			.collect(Collectors.toMap(Todo::messageKey, Function.identity())));
	}

	long plans(String username) {
		return of(username, Audience.LEADER).get("todo.planning.plansToApprove").count();
	}

	/** A plan of the district's brigade for a year of its own, composed (its A-grade unit) and submitted. */
	AnnualPlan submitted(String district, String street) {
		fixtures.districtUnit(district, street, "待办计划测试" + SEQUENCE.incrementAndGet(), Grade.A, false, null);
		PlanSettings none = new PlanSettings(null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null);
		AnnualPlan plan = asSystem(() -> planning.open(fixtures.body(district), TestYears.fresh(), none, "test"));
		asSystem(() -> composition.compose(plan.id()));
		return asSystem(() -> planning.submit(plan.id(), null));
	}

	@Test
	void aDistrictsLeaderCountsItsPlansAwaitingApprovalAndNotAnotherDistricts() {
		String leader = "todo-plan-leader-" + SEQUENCE.incrementAndGet();
		asSystem(() -> accounts.save(UserAccount.open(leader, "普陀区大队长", "x", Set.of(Role.LEADER),
				JurisdictionScope.district(PUTUO), fixtures.body(PUTUO))));
		long district = plans(leader);
		long city = plans("leader");

		submitted(MINHANG, "310112102");
		assertThat(plans(leader)).as("another district's").isEqualTo(district);
		assertThat(plans("leader")).as("the city's leader").isEqualTo(city + 1);

		AnnualPlan own = submitted(PUTUO, "310107005");
		Todo todo = of(leader, Audience.LEADER).get("todo.planning.plansToApprove");
		assertThat(todo.count()).isEqualTo(district + 1);
		assertThat(todo.link()).matches("/plans/\\d+");
		if (district == 0) {
			assertThat(todo.link()).isEqualTo("/plans/" + own.id());
		}
		asSystem(() -> planning.approve(own.id(), "leader", null));
		assertThat(plans(leader)).as("approved").isEqualTo(district);
	}

	@Test
	void theAdministratorCountsTheHolidayCalendarDaysStillToBeChecked() {
		long before = of("admin", Audience.ADMIN).get("todo.planning.calendar").count();
		LocalDate day = LocalDate.of(TestYears.fresh(), 10, 1);
		Acting.as("admin", () -> calendar.enter(day, "国庆节", false, "国务院办公厅通知（待核对）"));
		Todo todo = of("admin", Audience.ADMIN).get("todo.planning.calendar");
		assertThat(todo.count()).isEqualTo(before + 1);
		assertThat(todo.link()).matches("/calendar/\\d{4}");
		if (before == 0) {
			assertThat(todo.link()).isEqualTo("/calendar/" + day.getYear());
		}
		Acting.as("admin", () -> calendar.verify(day));
		assertThat(of("admin", Audience.ADMIN).get("todo.planning.calendar").count()).as("checked").isEqualTo(before);
	}
}
