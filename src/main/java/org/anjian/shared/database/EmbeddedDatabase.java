package org.anjian.shared.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 server, one per JVM and data directory, shared by every application context of
 * that JVM (tests start several) and stopped when the last one releases it.
 *
 * <p>The application does not connect as the server's superuser: superusers bypass row-level security, which
 * is how jurisdictions are kept apart. On first start it creates the ordinary role and database
 * {@code anjian}, which own the schema Flyway builds.
 */
final class EmbeddedDatabase {

	static final String DATABASE = "anjian";
	static final String ROLE = "anjian";
	static final String PASSWORD = "anjian";

	/** Objects only a superuser may create, which the enterprise search needs under row-level security. */
	static final String LEAKPROOF_SEARCH = "/db/superuser/leakproof_search.sql";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
	private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();

	private final Path directory;
	private final EmbeddedPostgres server;
	private int users;

	private EmbeddedDatabase(Path directory, EmbeddedPostgres server) {
		this.directory = directory;
		this.server = server;
	}

	static synchronized EmbeddedDatabase acquire(DatabaseProperties.Embedded settings) {
		Path directory = Path.of(settings.dataDirectory()).toAbsolutePath().normalize();
		EmbeddedDatabase database = RUNNING.get(directory);
		if (database == null) {
			database = new EmbeddedDatabase(directory, start(directory, settings));
			database.bootstrap();
			RUNNING.put(directory, database);
		}
		database.users++;
		return database;
	}

	synchronized void release() {
		if (--users > 0) {
			return;
		}
		synchronized (EmbeddedDatabase.class) {
			RUNNING.remove(directory);
		}
		try {
			server.close();
			log.info("Embedded PostgreSQL stopped ({})", directory);
		}
		catch (IOException e) {
			log.warn("Embedded PostgreSQL did not stop cleanly", e);
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
	}

	/** A connection as the server's superuser, for tests that must act as a database administrator would. */
	Connection superuserConnection() throws SQLException {
		return server.getDatabase("postgres", DATABASE).getConnection();
	}

	private static EmbeddedPostgres start(Path directory, DatabaseProperties.Embedded settings) {
		long started = System.nanoTime();
		try {
			Files.createDirectories(directory.getParent());
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(settings.clean())
				// stopped by release() after the application has closed, not by a JVM hook racing it
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "localhost")
				.setServerConfig("max_connections", "200")
				.setServerConfig("shared_buffers", "256MB")
				.setServerConfig("timezone", "Asia/Shanghai")
				.setLocaleConfig("encoding", "UTF8")
				.setLocaleConfig("locale", "C");
			if (settings.port() > 0) {
				builder.setPort(settings.port());
			}
			EmbeddedPostgres server = builder.start();
			log.info("Embedded PostgreSQL started on port {} with data in {} ({} ms)", server.getPort(), directory,
					(System.nanoTime() - started) / 1_000_000);
			return server;
		}
		catch (IOException e) {
			throw new UncheckedIOException("嵌入式 PostgreSQL 无法启动（数据目录 " + directory + "）", e);
		}
	}

	private void bootstrap() {
		try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			try (ResultSet r = s.executeQuery("select 1 from pg_roles where rolname = '" + ROLE + "'")) {
				if (!r.next()) {
					s.execute("create role " + ROLE + " login password '" + PASSWORD
							+ "' nosuperuser nobypassrls nocreaterole nocreatedb");
				}
			}
			try (ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
				if (!r.next()) {
					s.execute("create database " + DATABASE + " owner " + ROLE
							+ " encoding 'UTF8' template template0");
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("嵌入式 PostgreSQL 初始化失败", e);
		}
		createLeakproofSearchOperators();
	}

	/**
	 * What only a superuser may create, done here as the embedded server's superuser on every start (the script
	 * is idempotent); with an external database the DBA runs the same script (docs/adr/0005).
	 */
	private void createLeakproofSearchOperators() {
		try (InputStream in = EmbeddedDatabase.class.getResourceAsStream(LEAKPROOF_SEARCH);
				Connection c = superuserConnection(); Statement s = c.createStatement()) {
			if (in == null) {
				throw new IllegalStateException("missing from the build: " + LEAKPROOF_SEARCH);
			}
			s.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException | SQLException e) {
			throw new IllegalStateException("嵌入式 PostgreSQL 初始化失败（" + LEAKPROOF_SEARCH + "）", e);
		}
	}
}
