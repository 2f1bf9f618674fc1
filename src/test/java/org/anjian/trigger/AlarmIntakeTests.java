package org.anjian.trigger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.trigger.internal.AlarmSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.Acting.asSystem;
import static org.anjian.trigger.TriggerFixtures.alarm;
import static org.anjian.trigger.TriggerFixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * POST /api/alarms as monitoring systems call it: without a login or CSRF token, by API key; an alarm is stored once
 * however often (and however concurrently) it is sent; a bad key, or an enterprise outside the source's reach,
 * stores nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AlarmIntakeTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	AlarmSources sources;

	TriggerFixtures fixtures;

	@BeforeEach
	void fixtures() {
		fixtures = new TriggerFixtures(jdbc, registry, sources);
	}

	@Test
	void theSameAlarmPostedAHundredTimesSomeConcurrentlyIsStoredOnceWithAtMostOneTask() throws Exception {
		String uscc = fixtures.enterprise("报警幂等测试粉尘厂");
		String key = fixtures.source(TriggerFixtures.PUTUO).apiKey();
		String body = alarm("DUST-" + UUID.randomUUID(), uscc, "DUST_CONCENTRATION", OffsetDateTime.now(ZoneOffset.ofHours(8)));

		MockHttpServletResponse first = post(mvc, key, body);
		assertThat(first.getStatus()).as(first.getContentAsString()).isEqualTo(201);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 39; i++) {
			statuses.add(post(mvc, key, body).getStatus());
		}
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Integer>> repeats = new ArrayList<>();
			for (int i = 0; i < 60; i++) {
				repeats.add(() -> post(mvc, key, body).getStatus());
			}
			for (Future<Integer> status : threads.invokeAll(repeats)) {
				statuses.add(status.get());
			}
		}
		finally {
			threads.shutdown();
		}

		assertThat(statuses).hasSize(99).containsOnly(200);
		assertThat(fixtures.count("select count(*) from alarm where uscc = ?", uscc)).isEqualTo(1);
		assertThat(fixtures.count("select count(*) from risk_fact where uscc = ? and kind = 'ALARM'", uscc)).isEqualTo(1);
		assertThat(fixtures.count("select count(*) from inspection_task where uscc = ?", uscc)).isLessThanOrEqualTo(1);
		String repeat = post(mvc, key, body).getContentAsString();
		assertThat(repeat).contains("\"repeated\":true").contains(uscc);
	}

	@Test
	void concurrentDistinctAlarmsThatMakeTheRuleHoldOpenExactlyOneTask() throws Exception {
		String uscc = fixtures.enterprise("并发报警测试粉尘厂");
		String key = fixtures.source(TriggerFixtures.PUTUO).apiKey();
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(8));
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Integer>> alarms = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				String body = alarm("C-" + i + "-" + UUID.randomUUID(), uscc, "DUST_CONCENTRATION", now.minusHours(i));
				alarms.add(() -> post(mvc, key, body).getStatus());
			}
			for (Future<Integer> status : threads.invokeAll(alarms)) {
				assertThat(status.get()).isEqualTo(201);
			}
		}
		finally {
			threads.shutdown();
		}

		assertThat(fixtures.count("select count(*) from alarm where uscc = ?", uscc)).isEqualTo(12);
		assertThat(fixtures.count("select count(*) from inspection_task where uscc = ? and origin = 'ALARM'", uscc))
			.isEqualTo(1);
		assertThat(fixtures.count("select count(*) from trigger_record where uscc = ? and outcome = 'OPENED'", uscc))
			.isEqualTo(1);
		assertThat(fixtures.count("select count(*) from trigger_record where uscc = ? and outcome = 'ATTACHED'", uscc))
			.isEqualTo(12 - 3);
	}

	@Test
	void aMissingUnknownOrDeactivatedKeyGets401InChineseAndStoresNothing() throws Exception {
		String uscc = fixtures.enterprise("密钥校验测试化工厂");
		AlarmSources.Registered source = fixtures.source(TriggerFixtures.PUTUO);
		asSystem(() -> sources.deactivate(source.source().id(), null));
		String body = alarm("KEY-" + UUID.randomUUID(), uscc, "COMBUSTIBLE_GAS", OffsetDateTime.now(ZoneOffset.ofHours(8)));
		long alarmsBefore = fixtures.count("select count(*) from alarm");
		long factsBefore = fixtures.count("select count(*) from risk_fact");
		long tasksBefore = fixtures.count("select count(*) from inspection_task");

		MockHttpServletResponse missing = post(mvc, null, body);
		MockHttpServletResponse unknown = post(mvc, "ajk_" + "0".repeat(64), body);
		MockHttpServletResponse deactivated = post(mvc, source.apiKey(), body);

		assertThat(missing.getStatus()).isEqualTo(401);
		assertThat(missing.getContentAsString()).contains("X-Api-Key").contains("缺少 API 密钥");
		assertThat(unknown.getStatus()).isEqualTo(401);
		assertThat(unknown.getContentAsString()).contains("API 密钥无效或监测源已停用");
		assertThat(deactivated.getStatus()).isEqualTo(401);
		assertThat(fixtures.count("select count(*) from alarm")).isEqualTo(alarmsBefore);
		assertThat(fixtures.count("select count(*) from risk_fact")).isEqualTo(factsBefore);
		assertThat(fixtures.count("select count(*) from inspection_task")).isEqualTo(tasksBefore);
	}

	@Test
	void theKeyIsKeptOnlyAsItsHash() {
		AlarmSources.Registered source = fixtures.source(null);

		assertThat(fixtures.count("select count(*) from alarm_source where key_hash = ?",
				org.anjian.shared.Sha256.hex(source.apiKey()))).isEqualTo(1);
		assertThat(fixtures.count("select count(*) from alarm_source where key_hash = ? or name = ?", source.apiKey(),
				source.apiKey())).isZero();
		assertThat(fixtures.count("select count(*) from audit_record where after_state::text like ?",
				"%" + source.apiKey() + "%")).isZero();
	}

	@Test
	void anEnterpriseOutsideTheSourcesDistrictOrUnknownIsRefusedAndNothingStored() throws Exception {
		String pudong = asSystem(() -> registry.register(
				TestEnterprises.smallWorkshop("310115", "310115005", "管辖范围测试浦东机械厂")).uscc());
		String key = fixtures.source(TriggerFixtures.PUTUO).apiKey();
		long before = fixtures.count("select count(*) from alarm");

		MockHttpServletResponse outside = post(mvc, key,
				alarm("OUT-" + UUID.randomUUID(), pudong, "TOXIC_GAS", OffsetDateTime.now(ZoneOffset.ofHours(8))));
		MockHttpServletResponse unknown = post(mvc, key, alarm("UNK-" + UUID.randomUUID(), TestEnterprises.code("310107"),
				"TOXIC_GAS", OffsetDateTime.now(ZoneOffset.ofHours(8))));
		MockHttpServletResponse badKind = post(mvc, key, alarm("BAD-" + UUID.randomUUID(), pudong, "SMOKE",
				OffsetDateTime.now(ZoneOffset.ofHours(8))));
		MockHttpServletResponse badCode = post(mvc, key, alarm("BAD-" + UUID.randomUUID(), "91310107MA1K000000",
				"TOXIC_GAS", OffsetDateTime.now(ZoneOffset.ofHours(8))));

		assertThat(outside.getStatus()).isEqualTo(400);
		assertThat(outside.getContentAsString()).contains("不在监测源").contains("管辖范围");
		assertThat(unknown.getStatus()).isEqualTo(404);
		assertThat(unknown.getContentAsString()).contains("不存在");
		assertThat(badKind.getStatus()).isEqualTo(400);
		assertThat(badKind.getContentAsString()).contains("未知的报警类型").contains("DUST_CONCENTRATION");
		assertThat(badCode.getStatus()).isEqualTo(400);
		assertThat(badCode.getContentAsString()).contains("统一社会信用代码");
		assertThat(fixtures.count("select count(*) from alarm")).isEqualTo(before);
	}

	@Test
	void aCitySourceReportsForAnyDistrict() throws Exception {
		String uscc = fixtures.enterprise("全市监测源测试冷库");
		String key = fixtures.source(null).apiKey();

		MockHttpServletResponse response = post(mvc, key,
				alarm("CITY-" + UUID.randomUUID(), uscc, "AMMONIA_LEAK", OffsetDateTime.now(ZoneOffset.ofHours(8))));

		assertThat(response.getStatus()).isEqualTo(201);
		assertThat(response.getContentAsString()).contains("氨泄漏").contains("\"repeated\":false");
	}
}
