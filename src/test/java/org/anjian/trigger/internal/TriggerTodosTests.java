package org.anjian.trigger.internal;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.Acting;
import org.anjian.MovableClock;
import org.anjian.TodoFixtures;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's to-do of monitoring sources: an active source counts until its first alarm arrives, and again
 * once it has been silent for 30 days; a deactivated one is done with. Nobody else is asked about sources.
 */
@SpringBootTest
class TriggerTodosTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	TriggerTodos todos;

	@Autowired
	AlarmSources sources;

	@Autowired
	AlarmIntake intake;

	@Autowired
	TodoFixtures fixtures;

	@Autowired
	CurrentActor actors;

	@Autowired
	MovableClock clock;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	Todo silent() {
		return Acting.as("admin", () -> todos.todos(Audience.ADMIN, actors.current().orElseThrow())).get(0);
	}

	@Test
	void anActiveSourceCountsUntilItReportsAndAgainOnceSilentAndADeactivatedOneNoMore() {
		long before = silent().count();
		AlarmSources.Registered registered = Acting.as("admin",
				() -> sources.register("待办监测源测试" + SEQUENCE.incrementAndGet(), "310107", "admin"));
		Todo todo = silent();
		assertThat(todo.count()).isEqualTo(before + 1);
		assertThat(todo.link()).isEqualTo("/admin/alarm-sources");
		assertThat(todo.detail().messageKey()).isEqualTo("todo.detail.silentSources");

		String uscc = fixtures.enterprise(TodoFixtures.PUTUO, "待办报警企业");
		intake.receive(registered.apiKey(), () -> new AlarmReport("todo-" + SEQUENCE.incrementAndGet(), uscc,
				AlarmKind.DUST_CONCENTRATION, OffsetDateTime.now(clock), "12.5", "10", "粉尘浓度超限"));
		assertThat(silent().count()).as("it reports").isEqualTo(before);

		clock.advanceDays(31);
		long silentBefore = silent().count();
		clock.reset();
		Acting.as("admin", () -> sources.deactivate(registered.source().id(), null));
		clock.advanceDays(31);
		assertThat(silent().count()).as("deactivated: nothing to do about it").isEqualTo(silentBefore - 1);
		assertThat(Acting.as("putuo", () -> todos.todos(Audience.OFFICER, actors.current().orElseThrow()))).isEmpty();
	}
}
