package org.anjian.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;

import javax.sql.DataSource;

import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.JurisdictionScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The one place where the caller's jurisdiction reaches the database. Every connection taken from the pool
 * is told who acts and what they may see ({@code anjian.scope_kind}, {@code anjian.scope_district},
 * {@code anjian.scope_street}, {@code anjian.actor}, {@code anjian.body}, {@code anjian.enterprise}, {@code anjian.leader}); the row-level security policies
 * of every jurisdiction-bound table and the audit trigger read these settings. A thread with neither a
 * logged-in user nor a {@link SystemScope} gets kind {@code NONE} and sees no scoped row.
 */
public class ScopedDataSource extends DelegatingDataSource implements AutoCloseable {

	private static final String APPLY = "select set_config('anjian.scope_kind', ?, false),"
			+ " set_config('anjian.scope_district', ?, false), set_config('anjian.scope_street', ?, false),"
			+ " set_config('anjian.actor', ?, false), set_config('anjian.body', ?, false),"
			+ " set_config('anjian.enterprise', ?, false), set_config('anjian.leader', ?, false),"
			+ " set_config('anjian.action', '', false)";

	/**
	 * Finding the actor may itself need a connection (the login lives in the JDBC-backed HTTP session, loaded
	 * lazily); that inner connection reads only session tables and is given no scope.
	 */
	private static final ThreadLocal<Boolean> RESOLVING = new ThreadLocal<>();

	private final ObjectProvider<CurrentActor> actors;

	public ScopedDataSource(DataSource target, ObjectProvider<CurrentActor> actors) {
		super(target);
		this.actors = actors;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return apply(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return apply(super.getConnection(username, password));
	}

	/** Closes the pool underneath when the application stops. */
	@Override
	public void close() throws Exception {
		if (getTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	private Connection apply(Connection connection) throws SQLException {
		String[] settings = settings();
		try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
			for (int i = 0; i < settings.length; i++) {
				statement.setString(i + 1, settings[i]);
			}
			statement.execute();
			return connection;
		}
		catch (SQLException | RuntimeException e) {
			connection.close();
			throw e;
		}
	}

	private String[] settings() {
		String systemReason = SystemScope.reason();
		if (systemReason != null) {
			return new String[] { "SYSTEM", "", "", "system:" + systemReason, "", "", "" };
		}
		Optional<Actor> actor = Optional.empty();
		if (RESOLVING.get() == null) {
			RESOLVING.set(Boolean.TRUE);
			try {
				CurrentActor source = actors.getIfAvailable();
				actor = source == null ? Optional.empty() : source.current();
			}
			finally {
				RESOLVING.remove();
			}
		}
		if (actor.isEmpty()) {
			return new String[] { "NONE", "", "", "anonymous", "", "", "" };
		}
		Actor a = actor.get();
		if (a.isEnterprise()) {
			// an enterprise's user sees its own enterprise only, nothing of the jurisdiction it lies in
			return new String[] { "ENTERPRISE", "", "", a.username(), "", a.enterpriseUscc(), "" };
		}
		JurisdictionScope scope = a.scope();
		return new String[] { scope.level().name(), nullToEmpty(scope.districtCode()), nullToEmpty(scope.streetCode()),
				a.username(), a.bodyId() == null ? "" : a.bodyId().toString(), "", a.leader() ? "on" : "" };
	}

	private static String nullToEmpty(String s) {
		return s == null ? "" : s;
	}
}
