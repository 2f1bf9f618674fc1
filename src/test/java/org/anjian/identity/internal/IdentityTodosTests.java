package org.anjian.identity.internal;

import java.util.concurrent.atomic.AtomicLong;

import org.anjian.Acting;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's to-do of accounts: enterprise users without their enterprise. No account can be opened so
 * since V50 (whose check skipped the rows already there), so the test makes one as V50 found them, inside a
 * transaction that it rolls back, constraint and all.
 */
@SpringBootTest
class IdentityTodosTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	IdentityTodos todos;

	@Autowired
	CurrentActor actors;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	Todo unlinked() {
		return todos.todos(Audience.ADMIN, actors.current().orElseThrow()).get(0);
	}

	@Test
	void anEnterpriseUserWithoutItsEnterpriseIsTheAdministratorsToDoOnTheUsersPage() {
		long before = Acting.as("admin", () -> unlinked().count());
		Acting.as("admin", () -> transactions.executeWithoutResult(status -> {
			jdbc.sql("alter table app_user drop constraint app_user_enterprise_link").update();
			jdbc.sql("""
					insert into app_user (username, password_hash, display_name, roles, scope_level, district_code)
					values (:username, 'x', '旧企业用户', '{ENTERPRISE}', 'DISTRICT', '310107')""")
				.param("username", "todo-old-qiye-" + SEQUENCE.incrementAndGet()).update();
			Todo todo = unlinked();
			assertThat(todo.count()).isEqualTo(before + 1);
			assertThat(todo.link()).isEqualTo("/admin/users");
			status.setRollbackOnly();
		}));
		assertThat(Acting.as("admin", () -> unlinked().count())).isEqualTo(before);
		assertThat(Acting.as("putuo", () -> todos.todos(Audience.OFFICER, actors.current().orElseThrow()))).isEmpty();
	}
}
