package org.anjian.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.anjian.shared.database.EmbeddedSuperuser;

/**
 * A connection to the embedded server as its superuser {@code postgres}, to do what an administrator with
 * direct database access could: edit or remove audit records behind the application's back, logged in with
 * the superuser's password from the embedded server's data directory.
 */
public final class DatabaseSuperuser implements AutoCloseable {

	private final Connection connection;

	private DatabaseSuperuser(Connection connection) {
		this.connection = connection;
	}

	/** Connects to the application's database on the application's server. */
	public static DatabaseSuperuser connect(DataSource applicationDataSource) throws SQLException {
		String url = applicationDataSource.unwrap(HikariDataSource.class).getJdbcUrl();
		return new DatabaseSuperuser(EmbeddedSuperuser.connect(url));
	}

	/** Ordinary triggers, the append-only one included, stop firing on this connection (replication mode). */
	public DatabaseSuperuser bypassingTriggers() throws SQLException {
		execute("set session_replication_role = replica");
		return this;
	}

	public int execute(String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			statement.execute();
			return Math.max(statement.getUpdateCount(), 0);
		}
	}

	/** The first column of the first row of a query. */
	public Object queryForObject(String sql, Object... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getObject(1) : null;
			}
		}
	}

	@Override
	public void close() throws SQLException {
		connection.close();
	}
}
