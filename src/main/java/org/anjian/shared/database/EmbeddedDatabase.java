package org.anjian.shared.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 server, one per JVM and data directory, shared by every application context of
 * that JVM (tests start several) and stopped when the last one releases it.
 *
 * <p>It is private to the application (docs/adr/0010): it listens on loopback only, every login needs a password
 * (SCRAM), the superuser's and the application role's passwords are random and kept in the data directory in a
 * file only the owner may read. The application does not connect as the superuser: superusers bypass row-level
 * security, which is how jurisdictions are kept apart. On first start it creates the ordinary role and database
 * {@code anjian}, which own the schema Flyway builds.
 *
 * <p>A start always succeeds after a crash: a server left running on the directory by a killed application is
 * stopped first ({@link PostgresServer#stopLeftover()}); the directory's lock tells a dead application from a
 * running one, which is refused with a clear message instead.
 */
final class EmbeddedDatabase {

	static final String DATABASE = "anjian";
	static final String ROLE = "anjian";

	/** Objects only a superuser may create, which the enterprise search needs under row-level security. */
	static final String LEAKPROOF_SEARCH = "/db/superuser/leakproof_search.sql";

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
	private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();

	private final PostgresServer server;
	private final DataDirectoryLock lock;
	private final EmbeddedCredentials credentials;
	private int users;

	private EmbeddedDatabase(PostgresServer server, DataDirectoryLock lock, EmbeddedCredentials credentials) {
		this.server = server;
		this.lock = lock;
		this.credentials = credentials;
	}

	static synchronized EmbeddedDatabase acquire(DatabaseProperties.Embedded settings) {
		Path directory = Path.of(settings.dataDirectory()).toAbsolutePath().normalize();
		EmbeddedDatabase database = RUNNING.get(directory);
		if (database == null) {
			database = start(directory, settings);
			RUNNING.put(directory, database);
		}
		database.users++;
		return database;
	}

	/** The running database whose server listens on {@code port}, for tests that act as its administrator. */
	static synchronized EmbeddedDatabase runningOnPort(int port) {
		return RUNNING.values().stream().filter(d -> d.server.port() == port).findFirst()
			.orElseThrow(() -> new IllegalStateException("no embedded database on port " + port));
	}

	synchronized void release() {
		if (--users > 0) {
			return;
		}
		synchronized (EmbeddedDatabase.class) {
			RUNNING.remove(server.directory());
		}
		try {
			server.stop();
			log.info("Embedded PostgreSQL stopped ({})", server.directory());
		}
		catch (RuntimeException e) {
			log.warn("Embedded PostgreSQL did not stop cleanly", e);
		}
		finally {
			lock.close();
		}
	}

	String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + DATABASE;
	}

	String applicationPassword() {
		return credentials.application();
	}

	/** A connection as the server's superuser, for what only an administrator may do. */
	Connection superuserConnection() throws SQLException {
		return superuserConnection(DATABASE);
	}

	private Connection superuserConnection(String database) throws SQLException {
		return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server.port() + "/" + database,
				PostgresServer.SUPERUSER, credentials.superuser());
	}

	private static EmbeddedDatabase start(Path directory, DatabaseProperties.Embedded settings) {
		long started = System.nanoTime();
		DataDirectoryLock lock = DataDirectoryLock.take(directory);
		try {
			PostgresServer server = new PostgresServer(directory, settings.startupWait());
			server.stopLeftover();
			if (settings.clean()) {
				PostgresBinaries.delete(directory);
			}
			EmbeddedCredentials credentials = credentialsOf(server);
			server.start(settings.port(), serverSettings(settings));
			EmbeddedDatabase database = new EmbeddedDatabase(server, lock, credentials);
			try {
				database.bootstrap();
			}
			catch (RuntimeException e) {
				server.stop();
				throw e;
			}
			log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms)", server.port(), directory,
					(System.nanoTime() - started) / 1_000_000);
			return database;
		}
		catch (IOException e) {
			lock.close();
			throw new UncheckedIOException("嵌入式 PostgreSQL 无法启动（数据目录 " + directory + "）", e);
		}
		catch (RuntimeException e) {
			lock.close();
			throw e;
		}
	}

	/**
	 * The passwords of a new cluster, or of an existing one; a directory made by older versions (created with
	 * {@code trust}, no password file) gets random passwords here before its server starts with password logins.
	 */
	private static EmbeddedCredentials credentialsOf(PostgresServer server) {
		Path directory = server.directory();
		if (!server.initialized()) {
			EmbeddedCredentials credentials = EmbeddedCredentials.generate();
			server.initialize(credentials.superuser());
			credentials.writeTo(directory);
			return credentials;
		}
		if (EmbeddedCredentials.existIn(directory)) {
			return EmbeddedCredentials.readFrom(directory);
		}
		log.warn("Data directory {} was made by an older version that trusted local logins: giving its roles random "
				+ "passwords (kept in {})", directory, EmbeddedCredentials.FILE);
		EmbeddedCredentials credentials = EmbeddedCredentials.generate();
		server.setSuperuserPassword(credentials.superuser());
		credentials.writeTo(directory);
		return credentials;
	}

	private static Map<String, String> serverSettings(DatabaseProperties.Embedded embedded) {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("max_connections", "200");
		settings.put("shared_buffers", "256MB");
		settings.put("timezone", "Asia/Shanghai");
		settings.put("password_encryption", "scram-sha-256");
		// a lost machine may lose the last moments of commits, never the consistency of the files (with fsync on)
		settings.put("synchronous_commit", "off");
		settings.put("fsync", embedded.fsync() ? "on" : "off");
		return settings;
	}

	/**
	 * The application's role and database, and its password from the credentials file (set again on every start,
	 * so a directory made by older versions, whose role had a fixed one, gets its random one).
	 */
	private void bootstrap() {
		try (Connection c = superuserConnection("postgres"); Statement s = c.createStatement()) {
			try (ResultSet r = s.executeQuery("select 1 from pg_roles where rolname = '" + ROLE + "'")) {
				s.execute((r.next() ? "alter role " : "create role ") + ROLE + " login password '"
						+ credentials.application() + "' nosuperuser nobypassrls nocreaterole nocreatedb");
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
