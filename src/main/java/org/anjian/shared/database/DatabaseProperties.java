package org.anjian.shared.database;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the database is. {@code url}, {@code user} and {@code password} come from {@code ANJIAN_DB_URL},
 * {@code ANJIAN_DB_USER}, {@code ANJIAN_DB_PASSWORD}; without a URL an embedded PostgreSQL is started whose
 * data directory persists.
 */
@ConfigurationProperties("anjian.db")
public record DatabaseProperties(String url, String user, String password, Embedded embedded, int poolSize) {

	public DatabaseProperties {
		embedded = embedded == null ? new Embedded(null, 0, false, null, null) : embedded;
		poolSize = poolSize <= 0 ? 10 : poolSize;
	}

	public boolean external() {
		return url != null && !url.isBlank();
	}

	/**
	 * The embedded server: its data directory (default {@code ./data/pg}), port (0 = any free), whether to wipe it
	 * first, how long to wait for it to start or stop (default 60 s), and whether it flushes its files to disk
	 * (default true; tests, whose data need not survive a lost machine, turn it off for speed).
	 */
	public record Embedded(String dataDirectory, int port, boolean clean, Duration startupWait, Boolean fsync) {

		public Embedded {
			dataDirectory = dataDirectory == null || dataDirectory.isBlank() ? "data/pg" : dataDirectory;
			startupWait = startupWait == null ? Duration.ofSeconds(60) : startupWait;
			fsync = fsync == null || fsync;
		}
	}
}
