package org.anjian.hazard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.anjian.AnjianApplication;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.shared.Zone;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application against one PostgreSQL, both running the deadline job every second: the
 * instances take turns (db-scheduler gives each execution to one of them), never run it at once, and each overdue
 * hazard is marked once — one audit record, one reminder, one grade fact — however often the job runs.
 */
class HazardDeadlineJobClusterTests {

	private static final int HAZARDS = 30;

	@Test
	void twoInstancesTakeTurnsAtTheDeadlineJobAndMarkEachOverdueHazardOnce() throws InterruptedException {
		try (ConfigurableApplicationContext first = instance("A", "PT0.2S");
				ConfigurableApplicationContext second = instance("B", "PT0.3S")) {
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			EnterpriseRegistry registry = second.getBean(EnterpriseRegistry.class);
			Instant start = Instant.now();
			List<Long> hazards = asSystem(() -> {
				String uscc = registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "集群逾期测试机械厂")).uscc();
				List<Long> ids = new ArrayList<>();
				for (int i = 0; i < HAZARDS; i++) {
					ids.add(jdbc.sql("""
							insert into hazard (district_code, street_code, uscc, description, major, status, found_at, deadline)
							values ('310107', '310107005', :uscc, :description, false, 'RECTIFYING', now() - interval '40 days',
							        :deadline) returning id""")
						.param("uscc", uscc).param("description", "集群测试隐患 " + i)
						.param("deadline", LocalDate.now(Zone.SHANGHAI).minusDays(1 + i % 3))
						.query(Long.class).single());
				}
				return ids;
			});

			Instant until = Instant.now().plus(Duration.ofSeconds(90));
			while (Instant.now().isBefore(until) && !(allMarked(jdbc, hazards) && runsSince(jdbc, start).size() >= 4
					&& instancesSince(jdbc, start).size() == 2)) {
				Thread.sleep(250);
			}

			assertThat(allMarked(jdbc, hazards)).as("every overdue hazard marked").isTrue();
			assertThat(instancesSince(jdbc, start)).as("both instances took turns at the job").containsExactlyInAnyOrder("A", "B");
			List<Map<String, Object>> runs = runsSince(jdbc, start);
			for (int i = 1; i < runs.size(); i++) {
				Instant previousEnd = ((Timestamp) runs.get(i - 1).get("finished_at")).toInstant();
				Instant next = ((Timestamp) runs.get(i).get("started_at")).toInstant();
				assertThat(next).as("run %s began after run %s ended", i, i - 1).isAfterOrEqualTo(previousEnd);
			}
			for (long hazard : hazards) {
				assertThat(count(jdbc, "select count(*) from audit_record where entity_type = 'hazard' and entity_id = cast(:h as text)"
						+ " and action = 'hazard.mark-overdue'", hazard)).as("hazard %s marked once", hazard).isEqualTo(1);
				assertThat(count(jdbc, "select count(*) from hazard_reminder where hazard_id = :h and kind = 'OVERDUE'",
						hazard)).isEqualTo(1);
				assertThat(count(jdbc, "select count(*) from risk_fact where source = 'hazard-overdue:' || cast(:h as text)", hazard))
					.isEqualTo(1);
			}
		}
	}

	private static ConfigurableApplicationContext instance(String name, String pollingInterval) {
		// as arguments, which outrank the configuration files (builder properties would not)
		return new SpringApplicationBuilder(AnjianApplication.class).run("--server.port=0", "--anjian.jobs.enabled=true",
				"--anjian.jobs.instance-name=" + name, "--anjian.jobs.polling-interval=" + pollingInterval,
				"--anjian.hazard.deadline-job=FIXED_DELAY|1s");
	}

	private static boolean allMarked(JdbcClient jdbc, List<Long> hazards) {
		return asSystem(() -> jdbc.sql("""
				select count(*) from hazard where id in (:ids) and overdue_deadline = deadline""")
			.param("ids", hazards).query(Integer.class).single()) == hazards.size();
	}

	private static List<Map<String, Object>> runsSince(JdbcClient jdbc, Instant start) {
		return asSystem(() -> jdbc.sql("""
				select instance, started_at, finished_at from job_run
				where job = 'hazard-deadlines' and started_at >= :start and finished_at is not null order by started_at""")
			.param("start", Timestamp.from(start)).query().listOfRows());
	}

	private static List<String> instancesSince(JdbcClient jdbc, Instant start) {
		return runsSince(jdbc, start).stream().map(r -> (String) r.get("instance")).distinct().toList();
	}

	private static int count(JdbcClient jdbc, String sql, long hazard) {
		return asSystem(() -> jdbc.sql(sql).param("h", hazard).query(Integer.class).single());
	}
}
