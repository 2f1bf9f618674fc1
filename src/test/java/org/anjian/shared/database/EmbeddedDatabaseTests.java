package org.anjian.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server keeps its data in its directory: what was written before a stop is there after a start. */
class EmbeddedDatabaseTests {

	@TempDir
	Path directory;

	@Test
	void dataSurvivesStopAndStart() throws Exception {
		DatabaseProperties.Embedded settings = new DatabaseProperties.Embedded(directory.resolve("pg").toString(), 0, false, null);
		EmbeddedDatabase first = EmbeddedDatabase.acquire(settings);
		try (Connection c = connect(first); Statement s = c.createStatement()) {
			s.execute("create table kept (note text)");
			s.execute("insert into kept values ('上海市应急管理局')");
		}
		first.release();
		assertThat(Files.exists(directory.resolve("pg/postgresql.conf"))).isTrue();

		EmbeddedDatabase second = EmbeddedDatabase.acquire(settings);
		try (Connection c = connect(second); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("select note from kept")) {
			assertThat(r.next()).isTrue();
			assertThat(r.getString(1)).isEqualTo("上海市应急管理局");
		}
		finally {
			second.release();
		}
	}

	@Test
	void applicationRoleCannotBypassRowLevelSecurity() throws Exception {
		EmbeddedDatabase database = EmbeddedDatabase.acquire(
				new DatabaseProperties.Embedded(directory.resolve("pg2").toString(), 0, false, null));
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

	private static Connection connect(EmbeddedDatabase database) throws Exception {
		return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.ROLE, database.applicationPassword());
	}
}
