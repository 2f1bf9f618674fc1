package org.anjian.shared.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of one data directory, run with the programs of {@link PostgresBinaries} through
 * {@code initdb} and {@code pg_ctl}.
 *
 * <p>What keeps it private: the cluster is created with SCRAM passwords only ({@code initdb --auth=scram-sha-256}
 * and a random superuser password, never {@code trust}); its access rules ({@code pg_hba.conf}, rewritten on
 * every start) admit password logins over loopback TCP only; it listens on {@code 127.0.0.1} and opens no Unix
 * socket.
 *
 * <p>{@code pg_ctl} detaches the server from the JVM, so a JVM killed with {@code kill -9} leaves it running;
 * {@link #stopLeftover()} finds such a server by its {@code postmaster.pid} and stops it before the next start.
 */
final class PostgresServer {

	static final String SUPERUSER = "postgres";

	/** Written on every start, so a data directory made by older versions (which trusted local users) is closed too. */
	static final String ACCESS_RULES = """
			# Written by Anjian on every start of the embedded server: password (SCRAM) logins over loopback TCP only.
			# TYPE  DATABASE  USER  ADDRESS       METHOD
			host    all       all   127.0.0.1/32  scram-sha-256
			""";

	private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

	private final Path directory;
	private final Duration wait;
	private int port;

	PostgresServer(Path directory, Duration wait) {
		this.directory = directory;
		this.wait = wait;
	}

	Path directory() {
		return directory;
	}

	int port() {
		return port;
	}

	boolean initialized() {
		return Files.exists(directory.resolve("PG_VERSION"));
	}

	/** A new cluster whose superuser {@code postgres} logs in with {@code password} only. */
	void initialize(String password) {
		Path passwordFile = directory.resolveSibling(directory.getFileName() + ".initdb-password");
		try {
			Files.createDirectories(directory.getParent());
			Files.deleteIfExists(passwordFile);
			EmbeddedCredentials.writeOwnerOnly(passwordFile, password + "\n");
			run(List.of(program("initdb"), "-D", directory.toString(), "-U", SUPERUSER, "--auth=scram-sha-256",
					"--pwfile=" + passwordFile, "--encoding=UTF8", "--locale=C"), null);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		finally {
			try {
				Files.deleteIfExists(passwordFile);
			}
			catch (IOException e) {
				log.warn("Could not delete {}", passwordFile, e);
			}
		}
	}

	/**
	 * Sets the superuser's password in single-user mode (no server, no network): how a data directory created by
	 * older versions, whose superuser had none, gets one before it is started with password logins.
	 */
	void setSuperuserPassword(String password) {
		run(List.of(program("postgres"), "--single", "-D", directory.toString(), "postgres"),
				"alter role " + SUPERUSER + " password '" + password + "';\n");
	}

	/** Starts the server on {@code requestedPort} (0: a free one) with the given settings, and waits until it accepts logins. */
	void start(int requestedPort, Map<String, String> settings) {
		port = requestedPort > 0 ? requestedPort : freePort();
		writeAccessRules();
		StringBuilder options = new StringBuilder("-p ").append(port)
			.append(" -c listen_addresses=127.0.0.1 -c unix_socket_directories=''");
		settings.forEach((key, value) -> options.append(" -c ").append(key).append('=').append(value));
		run(List.of(program("pg_ctl"), "-D", directory.toString(), "-l", directory.resolve("server.log").toString(),
				"-w", "-t", Long.toString(wait.toSeconds()), "-o", options.toString(), "start"), null);
	}

	void stop() {
		run(List.of(program("pg_ctl"), "-D", directory.toString(), "-m", "fast", "-w", "-t",
				Long.toString(wait.toSeconds()), "stop"), null);
	}

	/**
	 * Stops a server still running on this data directory, left by an application that was killed: the caller
	 * holds the directory's lock, so no running application owns it. A {@code postmaster.pid} naming a process
	 * that is not PostgreSQL (the number reused after a reboot) is stale and removed.
	 *
	 * @return whether a leftover server was stopped
	 */
	boolean stopLeftover() {
		Optional<ProcessHandle> process = recordedServer();
		if (process.isEmpty()) {
			return false;
		}
		Optional<String> command = process.get().info().command();
		if (command.isPresent() && !command.get().endsWith("/postgres")) {
			log.warn("Removing stale postmaster.pid of {}: process {} is {}", directory, process.get().pid(), command.get());
			deleteQuietly(directory.resolve("postmaster.pid"));
			return false;
		}
		log.warn("Embedded PostgreSQL (pid {}) was left running on {} by an application that did not stop; stopping it",
				process.get().pid(), directory);
		try {
			stop();
		}
		catch (IllegalStateException e) {
			log.warn("Fast stop failed; stopping it immediately (it recovers from its log on the next start)", e);
			run(List.of(program("pg_ctl"), "-D", directory.toString(), "-m", "immediate", "-w", "stop"), null);
		}
		// pg_ctl returns when the pid file is gone; the process itself ends a moment later
		try {
			process.get().onExit().get(wait.toSeconds(), TimeUnit.SECONDS);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		catch (ExecutionException | TimeoutException e) {
			log.warn("Left PostgreSQL process {} has not ended yet", process.get().pid());
		}
		return true;
	}

	/** The live process {@code postmaster.pid} names, if any. */
	Optional<ProcessHandle> recordedServer() {
		Path pidFile = directory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return Optional.empty();
		}
		try {
			List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
			long pid = lines.isEmpty() ? 0 : Math.abs(Long.parseLong(lines.get(0).trim()));
			return pid == 0 ? Optional.empty() : ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
		}
		catch (IOException | NumberFormatException e) {
			return Optional.empty();
		}
	}

	private void writeAccessRules() {
		try {
			Files.writeString(directory.resolve("pg_hba.conf"), ACCESS_RULES, StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法写入 " + directory.resolve("pg_hba.conf"), e);
		}
	}

	private static String program(String name) {
		return PostgresBinaries.program(name).toString();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new UncheckedIOException("找不到空闲端口", e);
		}
	}

	/**
	 * Runs a PostgreSQL program to its end; its output goes to the log, and into the error if it fails. As root
	 * (containers) it runs in a user namespace of its own, as zonky does: PostgreSQL refuses to run as root.
	 */
	private void run(List<String> command, String input) {
		String program = Path.of(command.get(0)).getFileName().toString();
		List<String> line = new ArrayList<>();
		if (LinuxUtils.isUnshareAvailable()) {
			line.addAll(List.of("unshare", "-U"));
		}
		line.addAll(command);
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			if (input != null) {
				process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
			}
			process.getOutputStream().close();
			// the programs end by themselves (pg_ctl within its -t); their output ends when they do
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (!process.waitFor(wait.toSeconds(), TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("嵌入式 PostgreSQL 的 " + program + " 超时未结束");
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("嵌入式 PostgreSQL 的 " + program + " 失败（退出码 " + process.exitValue() + "）："
						+ output);
			}
			log.debug("{}: {}", program, output);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法运行 " + command.get(0), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("等待 " + program + " 时被中断", e);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException e) {
			log.warn("Could not delete {}", file, e);
		}
	}
}
