package org.anjian.hazard.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.anjian.shared.Actor;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.anjian.shared.todo.TodoSource;
import org.anjian.shared.todo.Waiting;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the hazards ask of people. Officers: hazards whose rectification waits for re-inspection, hazards past their
 * deadline, notices (抄告) whose reply has not come. An enterprise's user: its hazards to rectify by their deadline
 * (the nearest first), the reminders the deadline job left it, its hazards listed for supervision. Each count reads a
 * partial index of the open rows only (V19, V20, V61), never the closed hazards of past years; row security scopes
 * them, and an enterprise's counts also name its credit code, so that its index is used.
 */
@Component
@Order(20)
class HazardTodos implements TodoSource {

	private final JdbcClient jdbc;
	private final Clock clock;
	private final int remindDaysBefore;

	HazardTodos(JdbcClient jdbc, Clock clock, @Value("${anjian.hazard.remind-days-before:3}") int remindDaysBefore) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.remindDaysBefore = remindDaysBefore;
	}

	@Override
	public List<Todo> todos(Audience audience, Actor actor) {
		LocalDate today = LocalDate.now(clock);
		return switch (audience) {
			case OFFICER -> officers(today);
			case ENTERPRISE -> actor.enterpriseUscc() == null || actor.enterpriseUscc().isBlank() ? List.of()
					: enterprise(actor.enterpriseUscc(), today);
			default -> List.of();
		};
	}

	private List<Todo> officers(LocalDate today) {
		Waiting submitted = Waiting.of(jdbc.sql("""
				select count(*) over (), id, (submitted_at at time zone :zone)::date from hazard
				where status = 'SUBMITTED' order by submitted_at, id limit 1""").param("zone", clock.getZone().getId()));
		Waiting overdue = Waiting.of(jdbc.sql("""
				select count(*) over (), id, deadline from hazard
				where status = 'RECTIFYING' and deadline < :today order by deadline, id limit 1""").param("today", today));
		Waiting notices = Waiting.of(jdbc.sql("""
				select count(*) over (), hazard_id, reply_by from department_notice
				where status = 'SENT' order by reply_by, id limit 1"""));
		Todo reinspection = Todo.of("todo.hazard.submitted", submitted.count(),
				submitted.link("/hazards?status=SUBMITTED", "/hazards/"));
		if (submitted.firstDay() != null) {
			reinspection = reinspection.detailed("todo.detail.waitingFor", ChronoUnit.DAYS.between(submitted.firstDay(), today));
		}
		return List.of(reinspection,
				Todo.of("todo.hazard.overdue", overdue.count(), overdue.link("/hazards?overdue=true", "/hazards/"))
					.due(overdue.firstDay(), today).urgent(true),
				// the notice to chase first is the one whose reply is due first, on its hazard's notices page
				Todo.of("todo.hazard.notices", notices.count(), notices.first("/hazards/", "/notices", "/hazards"))
					.due(notices.firstDay(), today));
	}

	private List<Todo> enterprise(String uscc, LocalDate today) {
		Waiting due = Waiting.of(jdbc.sql("""
				select count(*) over (), id, deadline from hazard
				where uscc = :uscc and status = 'RECTIFYING' order by deadline nulls last, id limit 1""").param("uscc", uscc));
		long reminders = jdbc.sql("""
				select count(*) from hazard_reminder r join hazard h on h.id = r.hazard_id
				where r.uscc = :uscc and h.status = 'RECTIFYING' and r.deadline = h.deadline""")
			.param("uscc", uscc).query(Long.class).single();
		Waiting listed = Waiting.of(jdbc.sql("""
				select count(*) over (), hazard_id, due_on from hazard_listing
				where uscc = :uscc and status = 'LISTED' order by due_on, id limit 1""").param("uscc", uscc));
		Todo rectify = Todo.of("todo.hazard.due", due.count(), due.link("/my/hazards", "/my/hazards/"))
			.due(due.firstDay(), today);
		if (due.firstDay() != null && !due.firstDay().isAfter(today.plusDays(remindDaysBefore))) {
			rectify = rectify.urgent(true);
		}
		return List.of(rectify,
				Todo.of("todo.hazard.reminders", reminders, "/my/hazards#reminders"),
				Todo.of("todo.hazard.listed", listed.count(), listed.first("/hazards/", "/listing", "/my/hazards"))
					.due(listed.firstDay(), today));
	}
}
