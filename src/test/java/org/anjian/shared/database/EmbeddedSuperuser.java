package org.anjian.shared.database;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * For tests that act as the embedded server's administrator would: a superuser connection to the embedded
 * database behind an application's JDBC URL, logged in with the random password kept in its data directory.
 */
public final class EmbeddedSuperuser {

	private EmbeddedSuperuser() {
	}

	public static Connection connect(String applicationJdbcUrl) throws SQLException {
		int port = URI.create(applicationJdbcUrl.substring("jdbc:".length())).getPort();
		return EmbeddedDatabase.runningOnPort(port).superuserConnection();
	}
}
