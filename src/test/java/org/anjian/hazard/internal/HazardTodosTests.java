package org.anjian.hazard.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.anjian.Acting;
import org.anjian.MovableClock;
import org.anjian.TodoFixtures;
import org.anjian.hazard.Hazard;
import org.anjian.inspection.InspectionTask;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.anjian.TodoFixtures.PUDONG;
import static org.anjian.TodoFixtures.PUTUO;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hazards' to-dos count what the caller's row security lets them see: a district officer counts their district's
 * hazards awaiting re-inspection, overdue and notified, never another district's, and a street officer not even the
 * rest of their district; an enterprise's user counts its own hazards to rectify, with the days left, and nothing of
 * another enterprise.
 */
@SpringBootTest
class HazardTodosTests {

	@Autowired
	HazardTodos todos;

	@Autowired
	TodoFixtures fixtures;

	@Autowired
	CurrentActor actors;

	@Autowired
	MovableClock clock;

	@Autowired
	DepartmentNotification notification;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	Map<String, Todo> of(String username, Audience audience) {
		return Acting.as(username, () -> todos.todos(audience, actors.current().orElseThrow()).stream()
			.collect(Collectors.toMap(Todo::messageKey, Function.identity())));
	}

	long count(String username, String key) {
		return of(username, Audience.OFFICER).get(key).count();
	}

	/** A hazard being rectified at a new enterprise of the district: found by a finished inspection. */
	Hazard hazard(String district) {
		InspectionTask task = fixtures.finished(district, fixtures.enterprise(district, "待办隐患测试"), 1);
		return fixtures.hazards(task.id()).get(0);
	}

	@Test
	void officersCountHazardsAwaitingReinspectionInTheirJurisdictionOnly() {
		long putuo = count("putuo", "todo.hazard.submitted");
		long pudong = count("pudong", "todo.hazard.submitted");
		long changzheng = count("changzheng", "todo.hazard.submitted");

		fixtures.rectified(hazard(PUDONG).id());
		fixtures.rectified(hazard(PUDONG).id());
		assertThat(count("putuo", "todo.hazard.submitted")).as("another district's").isEqualTo(putuo);
		assertThat(count("pudong", "todo.hazard.submitted")).isEqualTo(pudong + 2);

		Hazard own = fixtures.rectified(hazard(PUTUO).id());
		Todo submitted = of("putuo", Audience.OFFICER).get("todo.hazard.submitted");
		assertThat(submitted.count()).isEqualTo(putuo + 1);
		assertThat(submitted.link()).isIn("/hazards?status=SUBMITTED", "/hazards/" + own.id());
		assertThat(submitted.detail().messageKey()).isEqualTo("todo.detail.waitingFor");
		assertThat(count("changzheng", "todo.hazard.submitted")).as("a street of the district other than the hazard's")
			.isEqualTo(changzheng);
	}

	@Test
	void officersCountTheOverdueHazardsOfTheirJurisdictionOnlyAsUrgent() {
		// the counts as they will stand past every deadline the new hazards get (90 days at most), before they exist
		clock.advanceDays(100);
		long putuo = count("putuo", "todo.hazard.overdue");
		long pudong = count("pudong", "todo.hazard.overdue");
		clock.reset();

		hazard(PUTUO);
		hazard(PUDONG);
		hazard(PUDONG);
		clock.advanceDays(100);
		Todo overdue = of("putuo", Audience.OFFICER).get("todo.hazard.overdue");
		assertThat(overdue.count()).isEqualTo(putuo + 1);
		assertThat(overdue.urgent()).isTrue();
		assertThat(overdue.detail().messageKey()).isEqualTo("todo.detail.overdueBy");
		assertThat(count("pudong", "todo.hazard.overdue")).isEqualTo(pudong + 2);
	}

	@Test
	void officersCountNoticesAwaitingAReplyInTheirJurisdictionOnly() {
		long putuo = count("putuo", "todo.hazard.notices");
		long pudong = count("pudong", "todo.hazard.notices");
		Hazard hazard = hazard(PUDONG);
		Acting.as("pudong", () -> notification.send(hazard.id(), new DepartmentNotification.NoticeOrder(Department.FIRE,
				"浦东新区消防救援支队", "核查仓库消防通道堵塞", LocalDate.now(clock).plusDays(10))));

		assertThat(count("putuo", "todo.hazard.notices")).as("another district's").isEqualTo(putuo);
		Todo notices = of("pudong", Audience.OFFICER).get("todo.hazard.notices");
		assertThat(notices.count()).isEqualTo(pudong + 1);
		assertThat(notices.link()).matches("/hazards/\\d+/notices");
	}

	@Test
	void anEnterpriseCountsItsOwnHazardsToRectifyWithTheDaysLeftAndNoOthers() {
		String own = fixtures.enterprise(PUTUO, "待办企业自身");
		String other = fixtures.enterprise(PUTUO, "待办企业他家");
		InspectionTask task = fixtures.finished(PUTUO, own, 1);
		fixtures.finished(PUTUO, other, 2);
		Hazard hazard = fixtures.hazards(task.id()).get(0);
		String user = fixtures.enterpriseUser(own);

		Todo due = of(user, Audience.ENTERPRISE).get("todo.hazard.due");
		assertThat(due.count()).isEqualTo(1);
		assertThat(due.link()).isEqualTo("/my/hazards/" + hazard.id());
		assertThat(due.detail()).isEqualTo(new Todo.Detail("todo.detail.dueIn",
				List.of(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(clock), hazard.deadline()))));
		assertThat(due.urgent()).isFalse();

		clock.advanceDays(java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now(clock), hazard.deadline()) - 2);
		assertThat(of(user, Audience.ENTERPRISE).get("todo.hazard.due").urgent()).as("two days left").isTrue();

		fixtures.rectified(hazard.id());
		assertThat(of(user, Audience.ENTERPRISE).get("todo.hazard.due").count()).as("reported: the officers' turn")
			.isZero();
		assertThat(of("putuo", Audience.ENTERPRISE)).as("an officer is no enterprise").isEmpty();
	}
}
