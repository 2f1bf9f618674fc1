package org.anjian;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.anjian.shared.database.SystemScope;

/**
 * Row locks held by a test in a transaction of its own, so that background work waits where the test wants to watch
 * it (running, refusing a second start) until the test lets go. Held as the system; released by {@link #close()}.
 */
public final class Holding implements AutoCloseable {

	private final Connection connection;

	private Holding(Connection connection) {
		this.connection = connection;
	}

	/** Locks the rows the query selects ({@code ... for update}), with the parameters in order. */
	public static Holding rows(DataSource dataSource, String lockingQuery, Object... parameters) {
		return SystemScope.call("test:holding", () -> {
			try {
				Connection c = dataSource.getConnection();
				c.setAutoCommit(false);
				try (PreparedStatement s = c.prepareStatement(lockingQuery)) {
					for (int i = 0; i < parameters.length; i++) {
						s.setObject(i + 1, parameters[i]);
					}
					s.executeQuery().close();
				}
				return new Holding(c);
			}
			catch (SQLException e) {
				throw new IllegalStateException(e);
			}
		});
	}

	/** The audit trail's chain head: a transaction that wrote audited rows waits at its commit until the test lets go. */
	public static Holding auditHead(DataSource dataSource) {
		return rows(dataSource, "select last_seq from audit_chain_head where id = 1 for update");
	}

	@Override
	public void close() {
		try {
			connection.rollback();
			connection.close();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}
}
