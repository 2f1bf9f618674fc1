package org.anjian.shared.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

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
 *
 * <p>The settings are session settings of the physical connection, set here and nowhere else (a business act's
 * {@code anjian.action} and a load's {@code anjian.bulk} are set for their transaction only). So a connection taken
 * again by the same caller — a list page takes one up to ten times — keeps what it was told, and is told again
 * only when the caller differs or when it was not in auto-commit mode (a rollback could undo the settings).
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

	/** What each physical connection was last told, while the pool keeps it. */
	private final Map<Connection, String[]> told = Collections.synchronizedMap(new WeakHashMap<>());

	public ScopedDataSource(DataSource target, ObjectProvider<CurrentActor> actors) {
		super(target);
		this.actors = actors;
	}

	/*
	 * Who acts is found before a connection is taken: finding it may take one of its own (the session), and a thread
	 * that held one while waiting for another could, with as many such requests as the pool has connections, wait
	 * for ever (until the pool's timeout) — which 20 concurrent officers did with a pool of 10.
	 */
	@Override
	public Connection getConnection() throws SQLException {
		String[] settings = settings();
		return apply(super.getConnection(), settings);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		String[] settings = settings();
		return apply(super.getConnection(username, password), settings);
	}

	/** Closes the pool underneath when the application stops. */
	@Override
	public void close() throws Exception {
		if (getTargetDataSource() instanceof AutoCloseable pool) {
			pool.close();
		}
	}

	private Connection apply(Connection connection, String[] settings) throws SQLException {
		Connection physical = null;
		try {
			physical = connection.isWrapperFor(Connection.class) ? connection.unwrap(Connection.class) : connection;
			boolean autoCommit = connection.getAutoCommit();
			if (autoCommit && Arrays.equals(told.get(physical), settings)) {
				return connection;
			}
			told.remove(physical);
			try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
				for (int i = 0; i < settings.length; i++) {
					statement.setString(i + 1, settings[i]);
				}
				statement.execute();
			}
			if (autoCommit) {
				told.put(physical, settings);
			}
			return connection;
		}
		catch (SQLException | RuntimeException e) {
			if (physical != null) {
				told.remove(physical);
			}
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
