package org.anjian.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded server keeps its data in its directory, lets in only who knows a password, listens on loopback
 * only, and starts again over a server a killed application left running.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path directory;

	@Test
	void dataSurvivesStopAndStart() throws Exception {
		DatabaseProperties.Embedded settings = settings("pg");
		EmbeddedDatabase first = EmbeddedDatabase.acquire(settings);
		try (Connection c = connect(first); Statement s = c.createStatement()) {
			s.execute("create table kept (note text)");
			s.execute("insert into kept values ('上海市应急管理局')");
		}
		first.release();
		assertThat(Files.exists(directory.resolve("pg/postgresql.conf"))).isTrue();

		EmbeddedDatabase second = EmbeddedDatabase.acquire(settings);
		try {
			assertThat(kept(second)).containsExactly("上海市应急管理局");
		}
		finally {
			second.release();
		}
	}

	@Test
	void applicationRoleCannotBypassRowLevelSecurity() throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.acquire(settings("pg2"));
		try (Connection c = connect(database); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("select rolsuper, rolbypassrls from pg_roles where rolname = current_user")) {
			assertThat(r.next()).isTrue();
			assertThat(r.getBoolean(1)).as("superuser").isFalse();
			assertThat(r.getBoolean(2)).as("bypass RLS").isFalse();
		}
		finally {
			database.release();
		}
	}

	@Test
	void aLoginWithoutThePasswordIsRefusedAndThePasswordsAreTheOwnersOnly() throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.acquire(settings("pg"));
		try {
			String url = database.jdbcUrl();
			for (String user : List.of("postgres", EmbeddedDatabase.ROLE)) {
				assertThatThrownBy(() -> DriverManager.getConnection(url, user, "").close()).as(user + " without a password")
					.isInstanceOf(SQLException.class);
				assertThatThrownBy(() -> DriverManager.getConnection(url, user, "anjian").close()).as(user + " with a guess")
					.isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
			}
			try (Connection c = database.superuserConnection(); Statement s = c.createStatement();
					ResultSet rules = s.executeQuery("select type, address, auth_method from pg_hba_file_rules")) {
				List<String> seen = new ArrayList<>();
				while (rules.next()) {
					seen.add(rules.getString(1) + " " + rules.getString(2) + " " + rules.getString(3));
				}
				assertThat(seen).as("access rules: password logins over loopback only").containsExactly("host 127.0.0.1 scram-sha-256");
			}
			Path passwords = directory.resolve("pg").resolve(EmbeddedCredentials.FILE);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwords))).isEqualTo("rw-------");
			assertThat(Files.readString(passwords)).contains("superuser.password=").contains("application.password=");
		}
		finally {
			database.release();
		}
	}

	@Test
	void listensOnLoopbackOnlyAndOpensNoUnixSocket() throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.acquire(settings("pg"));
		try (Connection c = database.superuserConnection(); Statement s = c.createStatement()) {
			assertThat(setting(s, "listen_addresses")).isEqualTo("127.0.0.1");
			assertThat(setting(s, "unix_socket_directories")).isEmpty();
			int port = Integer.parseInt(setting(s, "port"));
			// what the kernel says listens on that port: 127.0.0.1 only (state 0A = LISTEN), nothing on IPv6
			List<String> listening = ListeningSockets.on(port);
			assertThat(listening).containsExactly("127.0.0.1");
		}
		finally {
			database.release();
		}
	}

	@Test
	void aServerLeftRunningByAKilledApplicationIsStoppedAndItsDataKept() throws Exception {
		Path data = directory.resolve("pg");
		EmbeddedDatabase first = EmbeddedDatabase.acquire(settings("pg"));
		try (Connection c = connect(first); Statement s = c.createStatement()) {
			s.execute("create table kept (note text)");
			s.execute("insert into kept values ('崩溃前写入')");
		}
		first.release();
		// what a killed application leaves: its server running on the directory, the directory's lock released
		PostgresServer left = new PostgresServer(data, java.time.Duration.ofSeconds(60));
		left.start(0, Map.of());
		long leftPid = left.recordedServer().orElseThrow().pid();

		EmbeddedDatabase second = EmbeddedDatabase.acquire(settings("pg"));
		try {
			assertThat(ProcessHandle.of(leftPid).filter(ProcessHandle::isAlive)).as("the left server was stopped").isEmpty();
			assertThat(kept(second)).containsExactly("崩溃前写入");
		}
		finally {
			second.release();
		}
	}

	@Test
	void aDirectoryARunningApplicationUsesIsRefusedWithoutStoppingItsServer() {
		Path data = directory.resolve("pg");
		try (DataDirectoryLock running = DataDirectoryLock.take(data)) {
			assertThatThrownBy(() -> EmbeddedDatabase.acquire(settings("pg")))
				.hasMessageContaining("正由另一个运行中的 Anjian 使用（进程 " + ProcessHandle.current().pid());
		}
	}

	@Test
	void aDirectoryMadeByTheOlderVersionThatTrustedLocalLoginsKeepsItsDataAndGetsPasswords() throws Exception {
		Path data = directory.resolve("older");
		// how versions before this one made the directory: initdb -A trust, a role with the fixed password anjian
		try (EmbeddedPostgres older = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
			.setRegisterShutdownHook(false).start()) {
			try (Connection c = older.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
				s.execute("create role anjian login password 'anjian'");
				s.execute("create database anjian owner anjian encoding 'UTF8' template template0");
			}
			try (Connection c = DriverManager.getConnection(older.getJdbcUrl("anjian", "anjian"), "anjian", "anjian");
					Statement s = c.createStatement()) {
				s.execute("create table kept (note text)");
				s.execute("insert into kept values ('旧版本的数据')");
			}
		}

		EmbeddedDatabase database = EmbeddedDatabase.acquire(settings("older"));
		try {
			assertThat(kept(database)).containsExactly("旧版本的数据");
			String url = database.jdbcUrl();
			assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close()).isInstanceOf(SQLException.class);
			assertThatThrownBy(() -> DriverManager.getConnection(url, "anjian", "anjian").close())
				.as("the old fixed password no longer works").isInstanceOf(SQLException.class);
		}
		finally {
			database.release();
		}
	}

	private DatabaseProperties.Embedded settings(String name) {
		return new DatabaseProperties.Embedded(directory.resolve(name).toString(), 0, false, null, null);
	}

	private static List<String> kept(EmbeddedDatabase database) throws SQLException {
		List<String> notes = new ArrayList<>();
		try (Connection c = connect(database); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("select note from kept")) {
			while (r.next()) {
				notes.add(r.getString(1));
			}
		}
		return notes;
	}

	private static String setting(Statement s, String name) throws SQLException {
		try (ResultSet r = s.executeQuery("select setting from pg_settings where name = '" + name + "'")) {
			r.next();
			return r.getString(1);
		}
	}

	private static Connection connect(EmbeddedDatabase database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.ROLE, database.applicationPassword());
	}
}
