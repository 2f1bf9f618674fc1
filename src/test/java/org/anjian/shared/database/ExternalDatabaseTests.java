package org.anjian.shared.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.anjian.AnjianApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * With {@code ANJIAN_DB_URL} (here: a PostgreSQL server started apart from the application, standing in for
 * the city's own) the application uses that server, starts nothing embedded, seeds no demo accounts, and
 * refuses a database role that would bypass row-level security.
 */
class ExternalDatabaseTests {

	@TempDir
	static Path directory;

	static EmbeddedPostgres external;

	static String url;

	@BeforeAll
	static void startTheCitysServer() throws Exception {
		external = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("city-pg")).setCleanDataDirectory(true)
			.setRegisterShutdownHook(false).start();
		try (Connection c = external.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("create role city_app login password 'secret-1'");
			s.execute("create database anjian_city owner city_app encoding 'UTF8' template template0");
		}
		url = "jdbc:postgresql://localhost:" + external.getPort() + "/anjian_city";
		// outside demo mode the audit chain's signing key is the operator's to provide (docs/adr/0009)
		org.anjian.audit.internal.AnchorKey.generate(directory.resolve("audit-key.pem"), directory.resolve("audit-key.pem.pub"));
	}

	@AfterAll
	static void stopIt() throws Exception {
		external.close();
	}

	@Test
	void usesTheExternalServerWithoutDemoAccountsOrEmbeddedServer() throws Exception {
		Path embeddedDirectory = directory.resolve("must-not-exist");
		try (ConfigurableApplicationContext context = start("city_app", "secret-1", embeddedDirectory)) {
			assertThat(Files.exists(embeddedDirectory)).as("no embedded server started").isFalse();
			List<String> usernames = SystemScope.call("test",
					() -> context.getBean(JdbcClient.class).sql("select username from app_user").query(String.class).list());
			assertThat(usernames).as("outside demo mode only an administrator with a random password").containsExactly("admin");
		}
		try (Connection c = DriverManager.getConnection(url, "city_app", "secret-1"); Statement s = c.createStatement()) {
			var rows = s.executeQuery("select count(*) from flyway_schema_history where success");
			rows.next();
			assertThat(rows.getInt(1)).as("schema built by Flyway on the external server").isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void refusesToStartWithoutTheAuditSigningKey() {
		SpringApplication application = new SpringApplication(AnjianApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatThrownBy(() -> application.run("--anjian.db.url=" + url, "--anjian.db.user=city_app",
				"--anjian.db.password=secret-1", "--anjian.db.embedded.data-directory=" + directory.resolve("unused"),
				"--spring.main.banner-mode=off", "--logging.file.name=target/logs/external-db-test.log").close())
			.hasStackTraceContaining("ANJIAN_AUDIT_ANCHOR_KEY");
	}

	@Test
	void refusesASuperuserRole() {
		assertThatThrownBy(() -> start("postgres", "", directory.resolve("unused")).close())
			.hasStackTraceContaining("超级用户或具有 BYPASSRLS 权限");
	}

	private static ConfigurableApplicationContext start(String user, String password, Path embeddedDirectory) {
		SpringApplication application = new SpringApplication(AnjianApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		return application.run("--anjian.db.url=" + url, "--anjian.db.user=" + user, "--anjian.db.password=" + password,
				"--anjian.db.embedded.data-directory=" + embeddedDirectory, "--spring.main.banner-mode=off",
				"--anjian.audit.anchor.key=" + directory.resolve("audit-key.pem"),
				"--anjian.audit.anchor.file=" + directory.resolve("audit-anchors.jsonl"),
				"--logging.file.name=target/logs/external-db-test.log", "--anjian.public-base-url=https://anjian.example.gov.cn");
	}
}
