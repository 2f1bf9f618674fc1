package org.anjian.planning.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.shared.Actor;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.anjian.shared.todo.TodoSource;
import org.anjian.shared.todo.Waiting;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What planning asks of people. Leaders: annual plans submitted for their approval, the first of them to open.
 * Administrators: days of the holiday calendar, from this year on, still to be checked against the State Council's
 * notice (待核对), on the calendar of the first such year. Plans are a few per body and year and the calendar a few
 * dozen days a year: these counts are small by nature; row security scopes the plans.
 */
@Component
@Order(10)
class PlanningTodos implements TodoSource {

	private final JdbcClient jdbc;
	private final Clock clock;

	PlanningTodos(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Todo> todos(Audience audience, Actor actor) {
		return switch (audience) {
			case LEADER -> List.of(plansToApprove());
			case ADMIN -> List.of(calendarToCheck());
			default -> List.of();
		};
	}

	private Todo plansToApprove() {
		Waiting submitted = Waiting.of(jdbc.sql("""
				select count(*) over (), id, null::date from annual_plan where status = 'SUBMITTED' order by year, id limit 1"""));
		return Todo.of("todo.planning.plansToApprove", submitted.count(), submitted.first("/plans/", "", "/plans"));
	}

	private Todo calendarToCheck() {
		LocalDate firstOfYear = LocalDate.now(clock).withDayOfYear(1);
		Waiting unverified = Waiting.of(jdbc.sql("""
				select count(*) over (), 0, day from public_holiday where status = 'UNVERIFIED' and day >= :from
				order by day limit 1""").param("from", firstOfYear));
		if (unverified.firstDay() == null) {
			return Todo.of("todo.planning.calendar", 0, "/calendar");
		}
		int year = unverified.firstDay().getYear();
		return Todo.of("todo.planning.calendar", unverified.count(), "/calendar/" + year)
			.detailed("todo.detail.fromYear", String.valueOf(year));
	}
}
