package org.anjian.shared.database;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;

/**
 * The passwords of the embedded server's superuser {@code postgres} and of the application's role {@code anjian}:
 * random, generated on the first start and kept in the data directory in a file only its owner may read (0600).
 */
record EmbeddedCredentials(String superuser, String application) {

	static final String FILE = "anjian-credentials.properties";

	static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final SecureRandom RANDOM = new SecureRandom();

	static EmbeddedCredentials generate() {
		return new EmbeddedCredentials(randomPassword(), randomPassword());
	}

	/** 32 random bytes in URL-safe Base64: nothing to quote in SQL or in a properties file. */
	private static String randomPassword() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static boolean existIn(Path dataDirectory) {
		return Files.exists(dataDirectory.resolve(FILE));
	}

	static EmbeddedCredentials readFrom(Path dataDirectory) {
		Properties properties = new Properties();
		try (Reader in = Files.newBufferedReader(dataDirectory.resolve(FILE), StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法读取嵌入式数据库口令文件 " + dataDirectory.resolve(FILE), e);
		}
		String superuser = properties.getProperty("superuser.password");
		String application = properties.getProperty("application.password");
		if (superuser == null || application == null) {
			throw new IllegalStateException("嵌入式数据库口令文件不完整：" + dataDirectory.resolve(FILE));
		}
		return new EmbeddedCredentials(superuser, application);
	}

	void writeTo(Path dataDirectory) {
		writeOwnerOnly(dataDirectory.resolve(FILE),
				"# Anjian: passwords of the embedded PostgreSQL (owner-only; do not copy elsewhere)\n"
						+ "superuser.password=" + superuser + "\napplication.password=" + application + "\n");
	}

	/** Writes a file readable by its owner only, created so from the start (no moment with wider permissions). */
	static void writeOwnerOnly(Path file, String content) {
		try {
			Path staging = file.resolveSibling(file.getFileName() + ".new");
			Files.deleteIfExists(staging);
			Files.createFile(staging, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
			try (Writer out = Files.newBufferedWriter(staging, StandardCharsets.UTF_8)) {
				out.write(content);
			}
			Files.move(staging, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException e) {
			throw new UncheckedIOException("无法写入 " + file, e);
		}
	}
}
