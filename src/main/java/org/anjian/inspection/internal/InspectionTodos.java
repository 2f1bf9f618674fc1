package org.anjian.inspection.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.anjian.shared.Actor;
import org.anjian.shared.database.SystemScope;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.anjian.shared.todo.TodoSource;
import org.anjian.shared.todo.Waiting;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What inspections ask of people. Leaders: on-site plans submitted for approval. Officers: tasks nobody has been
 * assigned to, this week's inspections, tasks opened by a trigger and not yet done. Legal reviewers and
 * administrators: checklist items whose legal basis is still to be checked (待核对). An enterprise's user: remote
 * inspections waiting for its materials, and its finished inspections it has not rated yet.
 *
 * <p>The tasks' counts read the partial index of unfinished tasks (V60), never the finished ones of past years; row
 * security scopes them. The ratings are the one exception to reading as the caller: an enterprise knows its on-site
 * inspections only by their codes, whose public page reads as the system, so the system reads here which of its own
 * enterprise's finished inspections (by the caller's credit code, nothing else) still wait for its rating.
 */
@Component
@Order(30)
class InspectionTodos implements TodoSource {

	/** The statuses of a task still to be done, as the partial index of V60 lists them. */
	private static final String UNFINISHED = "status in ('OPEN', 'PLAN_SUBMITTED', 'PLAN_APPROVED', 'IN_PROGRESS')";

	private final JdbcClient jdbc;
	private final Clock clock;

	InspectionTodos(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Todo> todos(Audience audience, Actor actor) {
		return switch (audience) {
			case LEADER -> List.of(plansToApprove());
			case OFFICER -> officers(LocalDate.now(clock));
			case LEGAL_REVIEWER, ADMIN -> List.of(unverifiedItems());
			case ENTERPRISE -> actor.enterpriseUscc() == null || actor.enterpriseUscc().isBlank() ? List.of()
					: enterprise(actor.enterpriseUscc());
		};
	}

	private Todo plansToApprove() {
		Waiting submitted = Waiting.of(jdbc.sql("""
				select count(*) over (), id, planned_on from inspection_task
				where status = 'PLAN_SUBMITTED' order by planned_on nulls last, id limit 1"""));
		return Todo.of("todo.inspection.plansToApprove", submitted.count(),
				submitted.link("/inspections?status=PLAN_SUBMITTED", "/inspections/"));
	}

	private List<Todo> officers(LocalDate today) {
		Waiting unassigned = Waiting.of(jdbc.sql("""
				select count(*) over (), id, planned_on from inspection_task
				where status = 'OPEN' and lead_officer_id is null order by planned_on nulls last, id limit 1"""));
		LocalDate monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		Waiting thisWeek = Waiting.of(jdbc.sql("select count(*) over (), id, planned_on from inspection_task where "
				+ UNFINISHED + " and planned_on between :monday and :sunday order by planned_on, id limit 1")
			.param("monday", monday).param("sunday", monday.plusDays(6)));
		Waiting triggered = Waiting.of(jdbc.sql("select count(*) over (), id, planned_on from inspection_task where "
				+ UNFINISHED + " and origin in ('ALARM', 'EVENT') order by id limit 1"));
		Todo week = Todo.of("todo.inspection.thisWeek", thisWeek.count(), thisWeek.link("/inspections", "/inspections/"));
		if (thisWeek.firstDay() != null) {
			week = week.detailed("todo.detail.firstOn", thisWeek.firstDay().toString());
		}
		return List.of(
				Todo.of("todo.inspection.unassigned", unassigned.count(),
						unassigned.link("/inspections?status=OPEN", "/inspections/")),
				week,
				// the triggers page says why each was opened, merged or attached
				Todo.of("todo.inspection.triggered", triggered.count(), triggered.link("/triggers", "/inspections/")));
	}

	private Todo unverifiedItems() {
		long unverified = jdbc.sql("select count(*) from checklist_item where status = 'UNVERIFIED' and active")
			.query(Long.class).single();
		return Todo.of("todo.inspection.unverifiedItems", unverified, "/checklists?status=UNVERIFIED");
	}

	private List<Todo> enterprise(String uscc) {
		long materials = jdbc.sql("""
				select count(*) from inspection_task
				where uscc = :uscc and mode = 'REMOTE' and status in ('PLAN_APPROVED', 'IN_PROGRESS')""")
			.param("uscc", uscc).query(Long.class).single();
		record Unrated(long count, String token) {
		}
		Unrated unrated = SystemScope.call("inspections-to-rate", () -> jdbc.sql("""
				select count(*) over (), t.code_token from inspection_task t
				where t.uscc = :uscc and t.status = 'FINISHED'
				  and not exists (select 1 from inspection_rating r where r.task_id = t.id)
				order by t.finished_at desc, t.id desc limit 1""")
			.param("uscc", uscc).query((rs, n) -> new Unrated(rs.getLong(1), rs.getString(2))).optional()
			.orElse(new Unrated(0, null)));
		return List.of(Todo.of("todo.inspection.materials", materials, "/my/inspections"),
				// the latest first: the inspection the enterprise remembers best
				Todo.of("todo.inspection.toRate", unrated.count(), unrated.token() == null ? "/" : "/p/ic/" + unrated.token()));
	}
}
