package org.anjian.trigger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.anjian.shared.Actor;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.anjian.shared.todo.TodoSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What triggered inspection asks of administrators: active monitoring sources that have never reported an alarm, or
 * none for {@code anjian.trigger.silent-days} days (30 unless set): a key never installed, a system down, a feed
 * broken. Deactivated sources are not counted: nothing remains to be done about them. Each source's latest alarm is
 * read from the index of V62, not by scanning its alarms. (Officers' triggered tasks are inspection tasks, counted
 * by the inspection module.)
 */
@Component
@Order(40)
class TriggerTodos implements TodoSource {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final int silentDays;

	TriggerTodos(JdbcClient jdbc, Clock clock, @Value("${anjian.trigger.silent-days:30}") int silentDays) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.silentDays = silentDays;
	}

	@Override
	public List<Todo> todos(Audience audience, Actor actor) {
		if (audience != Audience.ADMIN) {
			return List.of();
		}
		Timestamp since = Timestamp.from(clock.instant().minus(Duration.ofDays(silentDays)));
		long[] silent = jdbc.sql("""
				select count(*) filter (where latest is null), count(*) filter (where latest < :since)
				from (select (select max(a.received_at) from alarm a where a.source_id = s.id) as latest
				      from alarm_source s where s.active) sources""")
			.param("since", since)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) }).single();
		return List.of(Todo.of("todo.trigger.silentSources", silent[0] + silent[1], "/admin/alarm-sources")
			.detailed("todo.detail.silentSources", silent[0], silentDays, silent[1]));
	}
}
