package org.anjian.penalty.internal;

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
 * What the penalty cases ask of the bureau. Leaders: filings to approve, cases told to the party that wait for the
 * decision. Legal reviewers: cases sent to legal review. Officers: the case whose 90-day limit (with its extension)
 * ends first, decisions to deliver within 7 days, fines unpaid past their 15 days. Row security scopes each count to
 * the reader's jurisdiction; the open states are few rows of an indexed table.
 */
@Component
@Order(35)
class PenaltyTodos implements TodoSource {

	private final JdbcClient jdbc;
	private final Clock clock;

	PenaltyTodos(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Todo> todos(Audience audience, Actor actor) {
		LocalDate today = LocalDate.now(clock);
		return switch (audience) {
			case LEADER -> leaders();
			case LEGAL_REVIEWER -> reviewers();
			case OFFICER -> officers(today);
			default -> List.of();
		};
	}

	private List<Todo> leaders() {
		Waiting filed = first("status = 'FILED'", "filed_on");
		Waiting toDecide = first("status in ('NOTIFIED', 'HEARING', 'DISCUSSION')",
				"opened_on + 90 + extension_days");
		return List.of(Todo.of("todo.penalty.filed", filed.count(), filed.link("/penalty-cases?queue=approval", "/penalty-cases/")),
				Todo.of("todo.penalty.toDecide", toDecide.count(),
						toDecide.link("/penalty-cases?queue=approval", "/penalty-cases/")));
	}

	private List<Todo> reviewers() {
		Waiting review = first("status = 'LEGAL_REVIEW'", "filed_on");
		return List.of(Todo.of("todo.penalty.review", review.count(),
				review.link("/penalty-cases?queue=review", "/penalty-cases/")));
	}

	private List<Todo> officers(LocalDate today) {
		Waiting due = first("status in ('INVESTIGATING', 'REVIEWING', 'LEGAL_REVIEW', 'NOTIFIED', 'HEARING', 'DISCUSSION')",
				"opened_on + 90 + extension_days");
		Waiting deliver = first("status = 'DECIDED'", "decided_on + 7");
		Waiting unpaid = Waiting.of(jdbc.sql("""
				select count(*) over (), id, delivered_on + 15 from penalty_case
				where status = 'DELIVERED' and delivered_on + 15 < :today order by delivered_on, id limit 1""")
			.param("today", today));
		return List.of(
				Todo.of("todo.penalty.deadline", due.count(), due.link("/penalty-cases?queue=open", "/penalty-cases/"))
					.due(due.firstDay(), today),
				Todo.of("todo.penalty.toDeliver", deliver.count(), deliver.link("/penalty-cases?queue=open", "/penalty-cases/"))
					.due(deliver.firstDay(), today),
				Todo.of("todo.penalty.unpaid", unpaid.count(), unpaid.link("/penalty-cases?queue=open", "/penalty-cases/"))
					.due(unpaid.firstDay(), today).urgent(true));
	}

	/** The count of the cases in the condition and the one whose day comes first. */
	private Waiting first(String condition, String day) {
		return Waiting.of(jdbc.sql("select count(*) over (), id, " + day + " from penalty_case where " + condition
				+ " order by " + day + " nulls last, id limit 1"));
	}
}
