package org.anjian.grading.internal;

import java.time.Clock;
import java.time.LocalDate;

import org.anjian.shared.database.DemoMode;
import org.anjian.shared.database.SystemScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, gives the demo city a history of facts (about eight per enterprise) and grades every enterprise,
 * once, after the demo enterprises are loaded; so that portraits, the dashboard and the watch list show something
 * on the first start. Not when a sub-command runs: commands load their own data.
 */
@Component
@Order(40)
class DemoGrades implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoGrades.class);

	private final DemoMode demo;
	private final Environment environment;
	private final JdbcClient jdbc;
	private final FactGenerator facts;
	private final FullRegrade fullRegrade;
	private final Clock clock;

	DemoGrades(DemoMode demo, Environment environment, JdbcClient jdbc, FactGenerator facts, FullRegrade fullRegrade,
			Clock clock) {
		this.demo = demo;
		this.environment = environment;
		this.jdbc = jdbc;
		this.facts = facts;
		this.fullRegrade = fullRegrade;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || environment.containsProperty("anjian.command")) {
			return;
		}
		long enterprises = SystemScope.call("demo grades", () -> jdbc
			.sql("select case when exists (select 1 from risk_fact) then -1 else (select count(*) from enterprise_register) end")
			.query(Long.class)
			.single());
		if (enterprises <= 0) {
			return;
		}
		long added = facts.generate(enterprises * 8, 2026, LocalDate.now(clock));
		FullRegrade.Run run = SystemScope.call("demo grades", () -> fullRegrade.regradeAll());
		log.info("Demo grades: {} facts generated, {} enterprises graded in {} ms", added, run.enterprises(),
				run.took().toMillis());
	}
}
