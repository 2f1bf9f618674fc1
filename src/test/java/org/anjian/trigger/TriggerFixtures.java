package org.anjian.trigger;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.trigger.internal.AlarmSources;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.anjian.Acting.asSystem;

/** Enterprises, monitoring sources, planned inspections and alarm requests for the trigger tests. */
final class TriggerFixtures {

	static final String PUTUO = "310107";

	private final JdbcClient jdbc;
	private final EnterpriseRegistry registry;
	private final AlarmSources sources;

	TriggerFixtures(JdbcClient jdbc, EnterpriseRegistry registry, AlarmSources sources) {
		this.jdbc = jdbc;
		this.registry = registry;
		this.sources = sources;
	}

	/** A new 普陀 workshop, with no alarm, task or trigger of its own yet. */
	String enterprise(String name) {
		return asSystem(() -> registry.register(TestEnterprises.smallWorkshop(PUTUO, "310107005", name)).uscc());
	}

	/** A new active source of a district (null: the city) and its key. */
	AlarmSources.Registered source(String district) {
		return asSystem(() -> sources.register("测试监测源-" + UUID.randomUUID(), district, "test"));
	}

	/**
	 * A published plan's item for the enterprise and its task (计划检查), the task planned on the given day. The plans
	 * are of 2086, a year of this fixture's own: not one of {@code TestYears}, which lie beyond 2100, the last year an
	 * annual plan takes.
	 */
	long plannedTask(String uscc, LocalDate day) {
		return asSystem(() -> {
			long body = jdbc.sql("select supervising_body_id from enterprise where uscc = :uscc").param("uscc", uscc)
				.query(Long.class).single();
			jdbc.sql("""
					insert into annual_plan (body_id, body_level, district_code, street_code, year, status, reserve_share,
					  sample_rate_b, assistance_rate_c, general_draw_rate, officer_days_per_month,
					  inspections_per_officer_day, seed, seed_recorded_at, created_by, version)
					select id, level, district_code, street_code, 2086, 'PUBLISHED', 0.1, 0.5, 0.5, 0.1, 10, 2, 'seed',
					  now(), 'test', 0 from enforcement_body where id = :body
					on conflict (body_id, year) do nothing""").param("body", body).update();
			long item = jdbc.sql("""
					insert into plan_item (plan_id, year, district_code, street_code, uscc, kind, purpose, matters)
					select p.id, 2086, p.district_code, p.street_code, :uscc, 'GENERAL', '一般检查', array['安全生产管理']
					from annual_plan p where p.body_id = :body and p.year = 2086 returning id""")
				.param("uscc", uscc).param("body", body).query(Long.class).single();
			return jdbc.sql("""
					insert into inspection_task (body_id, district_code, street_code, uscc, origin, plan_item_id, matters,
					  planned_on, status, code_token, created_by)
					select b.id, b.district_code, b.street_code, :uscc, 'PLAN', :item, array['安全生产管理'], :day, 'OPEN',
					  :token, 'test' from enforcement_body b where b.id = :body returning id""")
				.param("uscc", uscc).param("item", item).param("day", day).param("body", body)
				.param("token", "trigger-test-" + UUID.randomUUID().toString().replace("-", ""))
				.query(Long.class).single();
		});
	}

	static String alarm(String alarmId, String uscc, String kind, OffsetDateTime at) {
		return """
				{"alarmId":"%s","uscc":"%s","kind":"%s","occurredAt":"%s","value":"12.5 g/m³","threshold":"10 g/m³",
				 "message":"除尘系统粉尘浓度超过报警值"}""".formatted(alarmId, uscc, kind, at);
	}

	/** POST /api/alarms as a monitoring system does: no login, no CSRF token, only the key (if any). */
	static MockHttpServletResponse post(MockMvc mvc, String key, String body) throws Exception {
		var request = MockMvcRequestBuilders.post("/api/alarms")
			.contentType(MediaType.APPLICATION_JSON).content(body);
		if (key != null) {
			request.header("X-Api-Key", key);
		}
		return mvc.perform(request).andReturn().getResponse();
	}

	long count(String sql, Object... params) {
		return asSystem(() -> {
			var statement = jdbc.sql(sql);
			for (Object p : params) {
				statement = statement.param(p);
			}
			return statement.query(Long.class).single();
		});
	}
}
