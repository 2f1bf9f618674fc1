package org.anjian.shared.database;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Backup and restore of the embedded database: a copy of its data directory taken while its server is stopped,
 * as a gzip-compressed tar (what {@code pg_basebackup -Ft -z} writes for a running server). The embedded
 * binaries carry no {@code pg_dump}, and a copy of the stopped cluster is exactly consistent, restores with
 * every row, sequence, role and password as they were, and starts with any PostgreSQL 17 (docs/adr/0010).
 *
 * <p>Both run only while no application uses the directory (its lock), stopping first a server a killed
 * application left. The file holds the data and the database passwords: it is written owner-only (0600).
 */
final class EmbeddedBackup {

	/** Files of a data directory that belong to one run of the server, not to the data. */
	private static final Set<String> LEFT_OUT = Set.of("postmaster.pid", "postmaster.opts", "server.log", "epg-lock");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

	private final Path directory;
	private final Duration wait;

	EmbeddedBackup(Path directory, Duration wait) {
		this.directory = directory.toAbsolutePath().normalize();
		this.wait = wait;
	}

	/** What a backup or restore did, in lines for the operator. */
	record Outcome(List<String> lines) {
	}

	Outcome backup(Path file) {
		Path target = file.toAbsolutePath().normalize();
		if (target.startsWith(directory)) {
			throw new IllegalArgumentException("备份文件不能写在数据目录 " + directory + " 之内");
		}
		try (DataDirectoryLock lock = DataDirectoryLock.take(directory)) {
			PostgresServer server = new PostgresServer(directory, wait);
			boolean stopped = server.stopLeftover();
			if (!server.initialized()) {
				throw new IllegalStateException("数据目录 " + directory + " 中没有数据库，无可备份");
			}
			Path staging = target.resolveSibling(target.getFileName() + ".writing");
			Files.deleteIfExists(staging);
			Files.createFile(staging, PosixFilePermissions.asFileAttribute(EmbeddedCredentials.OWNER_ONLY));
			long files = 0;
			try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(staging)), 1 << 16);
					TarArchiveOutputStream tar = new TarArchiveOutputStream(out, StandardCharsets.UTF_8.name());
					Stream<Path> paths = Files.walk(directory)) {
				tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
				tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
				for (Path path : paths.filter(p -> !p.equals(directory)).sorted().toList()) {
					String name = directory.relativize(path).toString();
					if (LEFT_OUT.contains(name) || name.endsWith(".new")
							|| !(Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) || Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS))) {
						continue;
					}
					tar.putArchiveEntry(new TarArchiveEntry(path, name, LinkOption.NOFOLLOW_LINKS));
					if (Files.isRegularFile(path)) {
						Files.copy(path, tar);
						files++;
					}
					tar.closeArchiveEntry();
				}
			}
			Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return new Outcome(List.of(
					stopped ? "已先停止崩溃遗留的嵌入式 PostgreSQL（数据目录 " + directory + "）" : "嵌入式 PostgreSQL 未在运行，直接复制数据目录",
					"已备份 PostgreSQL " + version(directory) + " 数据目录 " + directory + "：" + files + " 个文件",
					"备份文件：" + target + "（" + Files.size(target) / 1024 + " KB，仅所有者可读；内含全部数据和数据库口令，请妥善保管）"));
		}
		catch (IOException e) {
			throw new UncheckedIOException("备份失败：" + e.getMessage(), e);
		}
	}

	/**
	 * Restores a backup into the data directory. A directory that already holds a database is kept, renamed
	 * beside it, and replaced only when {@code replace} says so; otherwise nothing changes.
	 */
	Outcome restore(Path file, boolean replace) {
		Path source = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(source)) {
			throw new IllegalArgumentException("找不到备份文件 " + source);
		}
		Path keptAside = null;
		try (DataDirectoryLock lock = DataDirectoryLock.take(directory)) {
			PostgresServer server = new PostgresServer(directory, wait);
			server.stopLeftover();
			if (server.initialized() && !replace) {
				throw new RestoreRefused("数据目录 " + directory + " 已有数据库，未做任何改动。确认要用备份覆盖它时加 --replace"
						+ "（原目录会改名保留在旁边）。");
			}
			String stamp = LocalDateTime.now().format(STAMP);
			Path staging = directory.resolveSibling(directory.getFileName() + ".restoring-" + stamp);
			long files = unpack(source, staging);
			if (!Files.exists(staging.resolve("PG_VERSION")) || !EmbeddedCredentials.existIn(staging)) {
				PostgresBinaries.delete(staging);
				throw new IllegalArgumentException(source + " 不是 Anjian 嵌入式数据库的备份（缺少 PG_VERSION 或口令文件）");
			}
			if (Files.exists(directory)) {
				keptAside = directory.resolveSibling(directory.getFileName() + ".before-restore-" + stamp);
				Files.move(directory, keptAside);
			}
			Files.move(staging, directory);
			List<String> lines = new ArrayList<>();
			lines.add("已从 " + source + " 恢复 PostgreSQL " + version(directory) + " 数据目录 " + directory + "：" + files + " 个文件");
			if (keptAside != null) {
				lines.add("原数据目录已改名保留为 " + keptAside + "（确认无误后可删除）");
			}
			lock.close();
			lines.add(checkByStarting());
			return new Outcome(lines);
		}
		catch (IOException e) {
			throw new UncheckedIOException("恢复失败：" + e.getMessage(), e);
		}
	}

	/** Starts the restored server once, as the application will, and says what it holds. */
	private String checkByStarting() {
		EmbeddedDatabase database = EmbeddedDatabase.acquire(new DatabaseProperties.Embedded(directory.toString(), 0, false, wait, null));
		try (Connection c = database.superuserConnection(); Statement s = c.createStatement();
				ResultSet r = s.executeQuery("select pg_size_pretty(pg_database_size(current_database())),"
						+ " (select count(*) from pg_stat_user_tables)")) {
			r.next();
			return "恢复后的数据库已能启动：数据库 " + EmbeddedDatabase.DATABASE + " 共 " + r.getLong(2) + " 张表、" + r.getString(1)
					+ "；可运行 audit-verify 核验全过程记录";
		}
		catch (SQLException e) {
			throw new IllegalStateException("恢复后的数据库无法读取：" + e.getMessage(), e);
		}
		finally {
			database.release();
		}
	}

	private static long unpack(Path source, Path staging) throws IOException {
		Files.createDirectory(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		long files = 0;
		try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(source)), 1 << 16);
				TarArchiveInputStream tar = new TarArchiveInputStream(in, StandardCharsets.UTF_8.name())) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = staging.resolve(entry.getName()).normalize();
				if (!path.startsWith(staging) || path.equals(staging)) {
					throw new IOException("备份中的路径越界：" + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
				}
				else if (entry.isFile()) {
					Files.createDirectories(path.getParent());
					Files.copy(tar, path);
					Files.setPosixFilePermissions(path, EmbeddedCredentials.OWNER_ONLY);
					files++;
				}
			}
		}
		return files;
	}

	private static String version(Path directory) throws IOException {
		return Files.readString(directory.resolve("PG_VERSION")).strip();
	}

	/** A restore that would overwrite a database without {@code --replace}. */
	static final class RestoreRefused extends RuntimeException {

		RestoreRefused(String message) {
			super(message);
		}
	}
}
