package org.anjian.audit.internal;

import java.nio.file.Path;

import org.anjian.shared.database.DatabaseProperties;

/**
 * The application's data directory: the one that holds the embedded database's ({@code data} for {@code data/pg}),
 * where the generated signing key and the file of signed heads go unless configured elsewhere.
 */
final class DataDirectory {

	private DataDirectory() {
	}

	static Path of(DatabaseProperties database) {
		Path embedded = Path.of(database.embedded().dataDirectory()).toAbsolutePath().normalize();
		return embedded.getParent() == null ? embedded : embedded.getParent();
	}
}
