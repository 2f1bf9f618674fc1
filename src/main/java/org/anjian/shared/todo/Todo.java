package org.anjian.shared.todo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * One thing that waits for someone: what it is (a message key of the bundles), how many of it wait, where to act on
 * it (a list filtered to it, or the item itself when it is the one to take first), whether it is urgent (a deadline
 * passed or about to), and the most urgent detail where one helps (the days left of the nearest deadline).
 *
 * @param messageKey what waits, e.g. {@code todo.hazard.submitted} (待复查隐患)
 * @param count how many; an entry of nothing is not shown
 * @param link the address of the act, inside the application
 * @param urgent whether it goes before the others
 * @param detail the most urgent detail, or null
 */
public record Todo(String messageKey, long count, String link, boolean urgent, Detail detail) {

	/** A sentence of the bundles with its arguments, e.g. {@code todo.detail.daysLeft} with the days left. */
	public record Detail(String messageKey, List<Object> args) {

		public Detail {
			Objects.requireNonNull(messageKey, "messageKey");
			args = List.copyOf(args);
		}
	}

	public Todo {
		Objects.requireNonNull(messageKey, "messageKey");
		Objects.requireNonNull(link, "link");
		if (count < 0) {
			throw new IllegalArgumentException("a count of " + count + " to-dos");
		}
		if (!link.startsWith("/")) {
			throw new IllegalArgumentException("a to-do links inside the application: " + link);
		}
	}

	/** So many of a kind, at a link, neither urgent nor detailed. */
	public static Todo of(String messageKey, long count, String link) {
		return new Todo(messageKey, count, link, false, null);
	}

	public Todo urgent(boolean urgent) {
		return new Todo(messageKey, count, link, urgent, detail);
	}

	public Todo detailed(String detailKey, Object... args) {
		return new Todo(messageKey, count, link, urgent, new Detail(detailKey, List.of(args)));
	}

	/**
	 * The nearest deadline as the detail, seen from today: so many days left, due today, or so many days overdue
	 * (urgent from the day it is due); nothing when there is no deadline.
	 */
	public Todo due(LocalDate deadline, LocalDate today) {
		if (deadline == null) {
			return this;
		}
		long days = ChronoUnit.DAYS.between(today, deadline);
		if (days > 0) {
			return detailed("todo.detail.dueIn", days);
		}
		return (days == 0 ? detailed("todo.detail.dueToday") : detailed("todo.detail.overdueBy", -days)).urgent(true);
	}

	/** Whether anything waits. */
	public boolean waiting() {
		return count > 0;
	}
}
