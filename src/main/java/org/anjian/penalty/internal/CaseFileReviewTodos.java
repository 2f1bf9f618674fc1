package org.anjian.penalty.internal;

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
 * What case-file review asks of the legal reviewers: the drawn case files not yet reviewed (the oldest draw first),
 * counted on the partial index of the waiting reviews (V133) under the caller's row security.
 */
@Component
@Order(60)
class CaseFileReviewTodos implements TodoSource {

	private final JdbcClient jdbc;

	CaseFileReviewTodos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Todo> todos(Audience audience, Actor actor) {
		if (audience != Audience.LEGAL_REVIEWER) {
			return List.of();
		}
		Waiting drawn = Waiting.of(jdbc.sql("""
				select count(*) over (), id, null::date from case_file_review where status = 'DRAWN' order by id limit 1"""));
		return List.of(Todo.of("todo.penalty.caseFilesToReview", drawn.count(),
				drawn.link("/penalty-reviews?status=DRAWN", "/penalty-reviews/")));
	}
}
