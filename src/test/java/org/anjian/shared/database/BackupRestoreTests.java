package org.anjian.shared.database;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.Callable;

import org.anjian.AnjianApplication;
import org.anjian.shared.command.ApplicationCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup FILE}, a wiped data directory, {@code restore FILE}: the same enterprises and the same audit chain
 * head as before, and {@code audit-verify} passes on the restored copy. A restore over a database is refused
 * unless told {@code --replace}, which keeps the old directory aside.
 */
class BackupRestoreTests {

	@TempDir
	Path directory;

	@Test
	void backupWipeRestoreGivesTheSameDataAndAnIntactAuditChain() throws Exception {
		Path data = directory.resolve("pg");
		Path file = directory.resolve("backups/anjian.tar.gz");
		Files.createDirectories(file.getParent());
		List<String> enterprisesBefore;
		String headBefore;
		try (ConfigurableApplicationContext application = startApplication(data)) {
			JdbcClient jdbc = application.getBean(JdbcClient.class);
			enterprisesBefore = SystemScope.call("test", () -> jdbc.sql("select uscc || ' ' || name from enterprise order by uscc")
				.query(String.class).list());
			headBefore = SystemScope.call("test", () -> jdbc.sql("select last_seq || ' ' || last_hash from audit_chain_head")
				.query(String.class).single());
		}
		assertThat(enterprisesBefore).as("the demo city's enterprises").isNotEmpty();

		Output backup = command("backup", file.toString(), "--data-directory", data.toString());
		assertThat(backup.code()).as(backup.text()).isZero();
		assertThat(backup.text()).contains("已备份 PostgreSQL 17 数据目录");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");

		Output refused = command("restore", file.toString(), "--data-directory", data.toString());
		assertThat(refused.code()).as("a restore over a database without --replace").isEqualTo(2);
		assertThat(refused.text()).contains("已有数据库，未做任何改动").contains("--replace");

		PostgresBinaries.delete(data);
		Output restored = command("restore", file.toString(), "--data-directory", data.toString());
		assertThat(restored.code()).as(restored.text()).isZero();
		assertThat(restored.text()).contains("已从").contains("恢复后的数据库已能启动");

		assertThat(enterprises(data)).isEqualTo(enterprisesBefore);
		assertThat(auditHead(data)).isEqualTo(headBefore);
		assertThat(auditVerify(data)).as("audit-verify on the restored copy").isZero();

		Output replaced = command("restore", file.toString(), "--replace", "--data-directory", data.toString());
		assertThat(replaced.code()).as(replaced.text()).isZero();
		assertThat(replaced.text()).contains("原数据目录已改名保留为");
		try (var kept = Files.list(directory)) {
			assertThat(kept.map(p -> p.getFileName().toString())).anyMatch(name -> name.startsWith("pg.before-restore-"));
		}
		assertThat(enterprises(data)).isEqualTo(enterprisesBefore);
	}

	private static ConfigurableApplicationContext startApplication(Path data) {
		SpringApplication application = new SpringApplication(AnjianApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--anjian.db.embedded.data-directory=" + data, "--anjian.db.embedded.clean=false",
				"--spring.main.banner-mode=off", "--logging.file.name=target/logs/backup-test.log");
	}

	/** {@code audit-verify} as an operator runs it, on the data directory the system properties name. */
	private static int auditVerify(Path data) {
		String[] keys = { "anjian.db.embedded.data-directory", "anjian.db.embedded.clean" };
		String[] before = { System.getProperty(keys[0]), System.getProperty(keys[1]) };
		System.setProperty(keys[0], data.toString());
		System.setProperty(keys[1], "false");
		try {
			return captured(() -> ApplicationCommands.run(AnjianApplication.class, new String[] { "audit-verify" })).code();
		}
		finally {
			for (int i = 0; i < keys.length; i++) {
				if (before[i] == null) {
					System.clearProperty(keys[i]);
				}
				else {
					System.setProperty(keys[i], before[i]);
				}
			}
		}
	}

	private static List<String> enterprises(Path data) throws SQLException {
		return query(data, "select uscc || ' ' || name from enterprise order by uscc");
	}

	private static String auditHead(Path data) throws SQLException {
		return query(data, "select last_seq || ' ' || last_hash from audit_chain_head").get(0);
	}

	/** As the application's role acting as the system, on the embedded server of that directory. */
	private static List<String> query(Path data, String sql) throws SQLException {
		EmbeddedDatabase database = EmbeddedDatabase.acquire(new DatabaseProperties.Embedded(data.toString(), 0, false, null, null));
		List<String> rows = new ArrayList<>();
		try (Connection c = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.ROLE, database.applicationPassword());
				Statement s = c.createStatement()) {
			s.execute("select set_config('anjian.scope_kind', 'SYSTEM', false), set_config('anjian.actor', 'system:test', false)");
			try (ResultSet r = s.executeQuery(sql)) {
				while (r.next()) {
					rows.add(r.getString(1));
				}
			}
		}
		finally {
			database.release();
		}
		return rows;
	}

	record Output(int code, String text) {
	}

	private static Output command(String name, String... arguments) {
		return captured(() -> DataDirectoryCommands.run(name, List.of(arguments)));
	}

	private static Output captured(Callable<Integer> command) {
		PrintStream out = System.out;
		PrintStream err = System.err;
		ByteArrayOutputStream text = new ByteArrayOutputStream();
		PrintStream both = new PrintStream(text, true, StandardCharsets.UTF_8);
		System.setOut(both);
		System.setErr(both);
		try {
			return new Output(command.call(), text.toString(StandardCharsets.UTF_8));
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			System.setOut(out);
			System.setErr(err);
			out.print(text.toString(StandardCharsets.UTF_8));
		}
	}
}
