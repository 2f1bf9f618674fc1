package org.anjian.shared.database;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL 17 programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) shipped in the jar by the zonky
 * binaries artifacts, unpacked once per machine under {@code java.io.tmpdir} in a folder named by the archive's
 * digest. The folder is used only if the current user owns it and nobody else may write to it: another local user
 * must not be able to plant programs that the application would run.
 */
final class PostgresBinaries {

	private static Path installed;

	private PostgresBinaries() {
	}

	/** The folder holding {@code bin/}, {@code lib/} and {@code share/}. */
	static synchronized Path directory() {
		if (installed == null) {
			installed = install();
		}
		return installed;
	}

	static Path program(String name) {
		return directory().resolve("bin").resolve(name);
	}

	private static Path install() {
		String architecture = System.getProperty("os.arch");
		try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux",
				"amd64".equals(architecture) ? "x86_64" : architecture)) {
			if (in == null) {
				throw new IllegalStateException("jar 中没有适用于 Linux " + architecture + " 的 PostgreSQL 程序");
			}
			byte[] archive = in.readAllBytes();
			String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive)).substring(0, 16);
			Path target = Path.of(System.getProperty("java.io.tmpdir"), "anjian-pg-" + digest);
			if (!Files.isDirectory(target)) {
				unpack(archive, target);
			}
			refuseIfOthersMayWrite(target);
			return target;
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法解压嵌入式 PostgreSQL 程序", e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Unpacks into a fresh folder, then renames it into place: a second JVM unpacking at once loses the race harmlessly. */
	private static void unpack(byte[] archive, Path target) throws IOException {
		Path staging = Files.createTempDirectory(target.getParent(), target.getFileName() + ".unpacking-");
		try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(new ByteArrayInputStream(archive)))) {
			TarArchiveEntry entry;
			while ((entry = tar.getNextEntry()) != null) {
				Path path = staging.resolve(entry.getName()).normalize();
				if (!path.startsWith(staging)) {
					throw new IOException("压缩包中的路径越界：" + entry.getName());
				}
				if (entry.isDirectory()) {
					Files.createDirectories(path);
					continue;
				}
				Files.createDirectories(path.getParent());
				if (entry.isSymbolicLink()) {
					Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
				}
				else if (entry.isLink()) {
					Files.createLink(path, staging.resolve(entry.getLinkName()).normalize());
				}
				else {
					Files.copy(tar, path);
					if ((entry.getMode() & 0100) != 0 || entry.getName().contains("bin/")) {
						path.toFile().setExecutable(true, false);
					}
				}
			}
		}
		try {
			Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (FileAlreadyExistsException | DirectoryNotEmptyException | AccessDeniedException e) {
			delete(staging);
		}
	}

	private static void refuseIfOthersMayWrite(Path folder) throws IOException {
		String owner = Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName();
		Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS);
		if (!owner.equals(System.getProperty("user.name")) || permissions.contains(PosixFilePermission.GROUP_WRITE)
				|| permissions.contains(PosixFilePermission.OTHERS_WRITE)) {
			throw new IllegalStateException("嵌入式 PostgreSQL 程序目录 " + folder + " 属于 " + owner
					+ " 或可被他人写入，拒绝运行其中的程序；请删除该目录后重试");
		}
	}

	static void delete(Path folder) throws IOException {
		if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(folder)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
