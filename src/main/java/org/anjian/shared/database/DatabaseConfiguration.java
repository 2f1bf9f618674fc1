package org.anjian.shared.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.anjian.shared.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one {@link DataSource}: an external PostgreSQL when {@code ANJIAN_DB_URL} is set, else
 * the embedded one; pooled by Hikari and wrapped in {@link ScopedDataSource}. Flyway migrates as the system.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

	@Bean
	DatabaseServer databaseServer(DatabaseProperties properties) {
		return properties.external() ? new DatabaseServer(null) : new DatabaseServer(EmbeddedDatabase.acquire(properties.embedded()));
	}

	@Bean
	DataSource dataSource(DatabaseProperties properties, DatabaseServer server, ObjectProvider<CurrentActor> actors) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("anjian");
		config.setMaximumPoolSize(properties.poolSize());
		if (properties.external()) {
			config.setJdbcUrl(properties.url());
			config.setUsername(properties.user());
			config.setPassword(properties.password());
		}
		else {
			config.setJdbcUrl(server.embedded().jdbcUrl());
			config.setUsername(EmbeddedDatabase.ROLE);
			config.setPassword(server.embedded().applicationPassword());
		}
		config.addDataSourceProperty("ApplicationName", "anjian");
		HikariDataSource pool = new HikariDataSource(config);
		refuseRoleThatBypassesRowSecurity(pool);
		return new ScopedDataSource(pool, actors);
	}

	@Bean
	FlywayMigrationStrategy migrateAsSystem() {
		return flyway -> SystemScope.run("migration", flyway::migrate);
	}

	/**
	 * Row-level security is what keeps one district's data from another's; a superuser or a BYPASSRLS role
	 * would silently see everything, so the application refuses to start with one.
	 */
	private static void refuseRoleThatBypassesRowSecurity(DataSource pool) {
		try (Connection c = pool.getConnection(); Statement s = c.createStatement();
				ResultSet r = s.executeQuery(
						"select current_user, rolsuper or rolbypassrls from pg_roles where rolname = current_user")) {
			if (r.next() && r.getBoolean(2)) {
				throw new IllegalStateException("数据库用户 " + r.getString(1)
						+ " 是超级用户或具有 BYPASSRLS 权限，会绕过按管辖范围隔离数据的行级安全策略。"
						+ "请为 Anjian 建立一个普通用户（数据库所有者即可）并在 ANJIAN_DB_USER 中使用它。");
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("无法连接数据库：" + e.getMessage(), e);
		}
		log.info("Database role checked: row-level security applies");
	}

	/** Holds the embedded server, if one was started, and releases it when the context closes. */
	static final class DatabaseServer implements DisposableBean {

		private final EmbeddedDatabase embedded;

		DatabaseServer(EmbeddedDatabase embedded) {
			this.embedded = embedded;
		}

		EmbeddedDatabase embedded() {
			return embedded;
		}

		boolean isEmbedded() {
			return embedded != null;
		}

		@Override
		public void destroy() {
			if (embedded != null) {
				embedded.release();
			}
		}
	}
}
