package org.anjian.shared.database;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.anjian.AnjianApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The application as a person runs it ({@code java ... AnjianApplication}, here with the test class path), killed
 * abruptly with its whole process tree (SIGKILL: no shutdown hook runs), comes back on the same data directory
 * with what it had written. The embedded server is no child of the JVM ({@code pg_ctl} detaches it), so the kill
 * leaves it running: the second start must find it and stop it.
 */
class RestartAfterKillTests {

	private static final Duration STARTUP = Duration.ofMinutes(4);

	private static final String CREDIT_CODE = "91310107KILL00009X";

	@TempDir
	Path directory;

	private final List<Process> started = new ArrayList<>();

	@Test
	void comesBackAfterKill9WithItsData() throws Exception {
		Path data = directory.resolve("pg");
		Process first = start(data, "first");
		long enterprisesBefore;
		try (Connection c = connect(data)) {
			registerAnEnterprise(c);
			enterprisesBefore = count(c, "select count(*) from enterprise");
		}

		killTree(first);
		ProcessHandle server = new PostgresServer(data, Duration.ofSeconds(60)).recordedServer().orElse(null);
		assertThat(server).as("the embedded server outlives the killed JVM (the crash the next start must handle)").isNotNull();

		Process second = start(data, "second");
		assertThat(server.isAlive()).as("the server left by the killed application was stopped").isFalse();
		try (Connection c = connect(data)) {
			assertThat(count(c, "select count(*) from enterprise where uscc = '" + CREDIT_CODE + "'")).isEqualTo(1);
			assertThat(count(c, "select count(*) from enterprise")).isEqualTo(enterprisesBefore);
		}
		second.destroy();
		assertThat(second.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
	}

	@AfterEach
	void stopEverything() throws IOException {
		for (Process process : started) {
			killTree(process);
		}
		new PostgresServer(directory.resolve("pg"), Duration.ofSeconds(60)).stopLeftover();
	}

	private Process start(Path data, String name) throws Exception {
		int port = freePort();
		Path log = directory.resolve(name + ".out");
		String java = ProcessHandle.current().info().command().orElse("java");
		// the quick compiler only: the JVM starts sooner, and this run is too short for the optimizing one to pay off
		Process process = new ProcessBuilder(java, "-Xmx1g", "-XX:TieredStopAtLevel=1", "-Duser.timezone=Asia/Shanghai", "-cp",
				System.getProperty("java.class.path"), AnjianApplication.class.getName(), "--server.port=" + port,
				"--anjian.db.embedded.data-directory=" + data, "--anjian.db.embedded.clean=false",
				"--anjian.jobs.enabled=false", "--logging.file.name=" + directory.resolve(name + ".log"))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		started.add(process);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
			.timeout(Duration.ofSeconds(5)).build();
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				fail("the application stopped while starting (exit " + process.exitValue() + "):\n" + tail(log));
			}
			try {
				HttpResponse<String> response = http.send(health, HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200 && response.body().contains("UP")) {
					return process;
				}
			}
			catch (IOException e) {
				// not listening yet
			}
			Thread.sleep(500);
		}
		fail("the application did not answer /actuator/health within " + STARTUP + ":\n" + tail(log));
		return process;
	}

	/** SIGKILL to the JVM and every process it started that is still its descendant. */
	private static void killTree(Process process) {
		ProcessHandle root = process.toHandle();
		Stream.concat(root.descendants(), Stream.of(root)).forEach(ProcessHandle::destroyForcibly);
		try {
			process.waitFor(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/** As the application's own role, acting as the system (row-level security applies as to the application). */
	private static Connection connect(Path data) throws Exception {
		List<String> pid = Files.readAllLines(data.resolve("postmaster.pid"));
		Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + pid.get(3).trim() + "/anjian",
				EmbeddedDatabase.ROLE, EmbeddedCredentials.readFrom(data).application());
		try (Statement s = c.createStatement()) {
			s.execute("select set_config('anjian.scope_kind', 'SYSTEM', false), set_config('anjian.actor', 'system:test', false)");
		}
		return c;
	}

	private static void registerAnEnterprise(Connection c) throws SQLException {
		try (Statement s = c.createStatement()) {
			int rows = s.executeUpdate("insert into enterprise (uscc, name, district_code, street_code, sector, sector_subtype,"
					+ " scale, supervision_level, supervising_body_id, version)"
					+ " select '" + CREDIT_CODE + "', '断电前登记的企业', district_code, street_code, sector, sector_subtype,"
					+ " scale, supervision_level, supervising_body_id, 0 from enterprise order by uscc limit 1");
			assertThat(rows).as("an enterprise registered before the kill").isEqualTo(1);
		}
	}

	private static long count(Connection c, String sql) throws SQLException {
		try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
			r.next();
			return r.getLong(1);
		}
	}

	private static int freePort() throws IOException {
		try (var socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String tail(Path log) throws IOException {
		List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
		return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
	}
}
