package org.anjian.shared.database;

import java.sql.SQLException;

/** Reads the database's verdicts out of a failure: refused by row-level security, or a duplicate key. */
public final class RowSecurity {

	private RowSecurity() {
	}

	/** The row lies outside the caller's jurisdiction (PostgreSQL SQL state 42501). */
	public static boolean refusedOutsideScope(Throwable failure) {
		return "42501".equals(sqlState(failure));
	}

	public static boolean duplicate(Throwable failure) {
		return "23505".equals(sqlState(failure));
	}

	private static String sqlState(Throwable failure) {
		for (Throwable t = failure; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && sql.getSQLState() != null) {
				return sql.getSQLState();
			}
		}
		return null;
	}
}
