package org.anjian.identity.internal;

import java.util.List;

import org.anjian.shared.Actor;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.anjian.shared.todo.TodoSource;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the accounts ask of administrators: enterprise users not linked to their enterprise, who see nothing until
 * someone links them. No account can be opened so since V50; those opened before it are listed until they are linked
 * on the users page. The users are a small table.
 */
@Component
@Order(50)
class IdentityTodos implements TodoSource {

	private final JdbcClient jdbc;

	IdentityTodos(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<Todo> todos(Audience audience, Actor actor) {
		if (audience != Audience.ADMIN) {
			return List.of();
		}
		long unlinked = jdbc.sql("""
				select count(*) from app_user where 'ENTERPRISE' = any (roles) and enterprise_uscc is null and enabled""")
			.query(Long.class).single();
		return List.of(Todo.of("todo.identity.unlinkedAccounts", unlinked, "/admin/users"));
	}
}
