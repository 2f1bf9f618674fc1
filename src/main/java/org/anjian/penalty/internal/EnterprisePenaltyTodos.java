package org.anjian.penalty.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.anjian.penalty.CaseStatus;
import org.anjian.penalty.PenaltyCase;
import org.anjian.shared.Actor;
import org.anjian.shared.WorkingDays;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.anjian.shared.todo.TodoSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the penalty cases ask of an enterprise's own user: its statement and defence (陈述申辩) on the cases told to it,
 * while the time to state it runs (the nearest deadline first), and its fines to pay once the decision was delivered
 * (the payment deadline first, overdue ones flagged). A single case links straight to it. The cases are read by the
 * enterprise's credit code (the index on {@code (uscc, id)}), the open ones only, and their deadlines are the case's
 * own ({@link PenaltyCase#defenceDue()}, {@link PenaltyCase#paymentDue()}), never computed twice.
 */
@Component
@Order(25)
class EnterprisePenaltyTodos implements TodoSource {

	private final OwnPenaltyCases cases;
	private final Clock clock;
	private final int remindDaysBefore;
	private final WorkingDays days;

	/**
	 * @param remindDaysBefore how many days before a deadline the to-do turns urgent (本机关设定; the hazards' reminder
	 * setting unless the penalty cases have their own)
	 */
	EnterprisePenaltyTodos(OwnPenaltyCases cases, Clock clock, WorkingDays days,
			@Value("${anjian.penalty.remind-days-before:${anjian.hazard.remind-days-before:3}}") int remindDaysBefore) {
		this.days = days;
		this.cases = cases;
		this.clock = clock;
		this.remindDaysBefore = remindDaysBefore;
	}

	@Override
	public List<Todo> todos(Audience audience, Actor actor) {
		if (audience != Audience.ENTERPRISE || actor.enterpriseUscc() == null || actor.enterpriseUscc().isBlank()) {
			return List.of();
		}
		LocalDate today = LocalDate.now(clock);
		List<PenaltyCase> waiting = cases.waitingOn(actor.enterpriseUscc());
		// the defence is asked while its time runs; after it, the bureau may decide (the case page still takes it)
		List<PenaltyCase> defence = waiting.stream()
			.filter(c -> c.status() == CaseStatus.NOTIFIED || c.status() == CaseStatus.HEARING)
			.filter(c -> c.defenceDue(days) != null && !c.defenceDue(days).isBefore(today))
			.toList();
		List<PenaltyCase> payment = waiting.stream().filter(c -> c.status() == CaseStatus.DELIVERED).toList();
		return List.of(todo("todo.penalty.defence", defence, c -> c.defenceDue(days), today),
				todo("todo.penalty.payment", payment, PenaltyCase::paymentDue, today));
	}

	private Todo todo(String key, List<PenaltyCase> cases, Function<PenaltyCase, LocalDate> deadline, LocalDate today) {
		PenaltyCase first = cases.stream()
			.min(Comparator.comparing(deadline, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(PenaltyCase::id))
			.orElse(null);
		if (first == null) {
			return Todo.of(key, 0, "/my/penalty-cases");
		}
		LocalDate due = deadline.apply(first);
		Todo todo = Todo.of(key, cases.size(), cases.size() == 1 ? "/my/penalty-cases/" + first.id() : "/my/penalty-cases")
			.due(due, today);
		return due != null && !due.isAfter(today.plusDays(remindDaysBefore)) ? todo.urgent(true) : todo;
	}
}
