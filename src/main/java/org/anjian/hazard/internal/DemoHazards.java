package org.anjian.hazard.internal;

import org.anjian.hazard.HazardRectification;
import org.anjian.shared.database.DemoMode;
import org.anjian.shared.database.SystemScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * In demo mode, a year of hazards with the seeds' figures for the demo city, once, after its enterprises are
 * loaded: so that the hazard dashboard shows this year on the first start. Not when a sub-command runs, and not
 * with {@code anjian.hazard.demo-hazards=false} (the tests, which generate the years they count).
 */
@Component
@Order(50)
class DemoHazards implements ApplicationRunner {

	static final long SEED = 20260101;

	private static final Logger log = LoggerFactory.getLogger(DemoHazards.class);

	private final DemoMode demo;
	private final Environment environment;
	private final JdbcClient jdbc;
	private final HazardGenerator hazards;
	private final HazardRectification rectification;
	private final boolean enabled;

	DemoHazards(DemoMode demo, Environment environment, JdbcClient jdbc, HazardGenerator hazards,
			HazardRectification rectification, @Value("${anjian.hazard.demo-hazards:true}") boolean enabled) {
		this.demo = demo;
		this.environment = environment;
		this.jdbc = jdbc;
		this.hazards = hazards;
		this.rectification = rectification;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!demo.enabled() || !enabled || environment.containsProperty("anjian.command")) {
			return;
		}
		boolean fresh = SystemScope.call("demo hazards", () -> jdbc.sql("""
				select not exists (select 1 from hazard_generation) and exists (select 1 from enterprise_register)""")
			.query(Boolean.class)
			.single());
		if (!fresh) {
			return;
		}
		// the year up to yesterday: on New Year's Day, the year just ended
		int year = rectification.today().minusDays(1).getYear();
		long started = System.nanoTime();
		HazardGenerator.Outcome outcome = hazards.generate(HazardGenerator.Figures.ofSeeds(year), SEED,
				rectification.today());
		log.info("Demo hazards: {} hazards of {} generated in {} ms", outcome.added(), year,
				(System.nanoTime() - started) / 1_000_000);
	}
}
