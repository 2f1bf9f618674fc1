package org.anjian.enterprise.internal;

import org.anjian.shared.database.DemoMode;
import org.anjian.shared.database.SystemScope;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo mode: a small generated city on the first start, when no enterprise is registered yet, after the demo
 * staff and accounts. Its seed is fixed, so every demo shows the same enterprises; its profile gives the demo
 * users' places (普陀, 浦东, 长征镇, 陆家嘴) more enterprises and the city more hazardous chemicals than a real one. Not when a command runs:
 * {@code generate} and {@code bench} decide their own data.
 */
@Component
@Order(30)
class DemoCity implements ApplicationRunner {

	static final long SEED = 20260101;
	static final int ENTERPRISES = 3_600;

	private final DemoMode demo;
	private final Environment environment;
	private final JdbcClient jdbc;
	private final CityLoader loader;

	DemoCity(DemoMode demo, Environment environment, JdbcClient jdbc, CityLoader loader) {
		this.demo = demo;
		this.environment = environment;
		this.jdbc = jdbc;
		this.loader = loader;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || environment.getProperty("anjian.command") != null) {
			return;
		}
		boolean empty = SystemScope.call("demo", () -> !jdbc.sql("select exists (select 1 from enterprise)")
			.query(Boolean.class).single());
		if (empty) {
			loader.load(SEED, ENTERPRISES, CityGenerator.Profile.DEMO);
		}
	}
}
