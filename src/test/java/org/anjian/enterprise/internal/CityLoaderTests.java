package org.anjian.enterprise.internal;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loading generated cities into the embedded database: the bulk path, idempotence, supervision, the demo city.
 * Every load here extends the demo city's own seed: a city of one seed has no two enterprises of the same name,
 * which the isolation test relies on (a 普陀 name that equals a 浦东 one would look like a leak).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CityLoaderTests {

	@Autowired
	CityLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLoadOfTwentyThousandLeavesOneAuditSummaryNotOneRecordPerRow() {
		long lastSeq = asSystem(() -> jdbc.sql("select coalesce(max(seq), 0) from audit_record").query(Long.class).single());
		int present = DemoCity.ENTERPRISES; // the demo city is the first DemoCity.ENTERPRISES of the seed
		CityLoader.Result result = loader.load(DemoCity.SEED, present + 20_000, CityGenerator.Profile.DEMO);
		assertThat(result.inserted()).isEqualTo(20_000);
		assertThat(result.skipped()).isEqualTo(present);
		List<Map<String, Object>> records = asSystem(() -> jdbc.sql("""
				select entity_type, action, after_state->>'inserted' as inserted, after_state->>'seed' as seed
				from audit_record where seq > :seq and entity_type = 'enterprise'""").param("seq", lastSeq).query().listOfRows());
		assertThat(records).hasSize(1);
		assertThat(records.get(0)).containsEntry("action", "enterprise.generate").containsEntry("inserted", "20000")
			.containsEntry("seed", String.valueOf(DemoCity.SEED));
		assertThat(asSystem(() -> jdbc.sql("select count(*) from audit_record where seq > :seq").param("seq", lastSeq)
			.query(Long.class).single())).as("audit records of the whole load").isLessThan(5);
	}

	@Test
	void loadingTheSameSeedAgainAddsNothingAndSkipsEveryCode() {
		long before = asSystem(() -> jdbc.sql("select count(*) from enterprise").query(Long.class).single());
		CityLoader.Result again = loader.load(DemoCity.SEED, 3_000, CityGenerator.Profile.DEMO);
		assertThat(again.inserted()).isZero();
		assertThat(again.skipped()).isEqualTo(3_000);
		assertThat(asSystem(() -> jdbc.sql("select count(*) from enterprise").query(Long.class).single())).isEqualTo(before);
	}

	@Test
	void theFourNamedCityKeyUnitsAreSupervisedByTheCityCorps() {
		List<String> codes = CityGenerator.NAMED_KEY_UNITS.stream().map(CityGenerator.Generated::uscc).toList();
		long cityCorps = asSystem(() -> jdbc.sql("select id from enforcement_body where level = 'CITY'").query(Long.class).single());
		List<Map<String, Object>> rows = asSystem(() -> jdbc.sql("select e.uscc, e.supervision_level, e.supervising_body_id,"
				+ " e.level_rule, k.uscc is not null as listed from enterprise e left join city_key_list k on k.uscc = e.uscc"
				+ " where e.uscc in (:codes)").param("codes", codes).query().listOfRows());
		assertThat(rows).hasSize(4).allSatisfy(row -> {
			assertThat(row).containsEntry("supervision_level", "CITY").containsEntry("level_rule", "CITY_KEY_LIST")
				.containsEntry("listed", true);
			assertThat(((Number) row.get("supervising_body_id")).longValue()).isEqualTo(cityCorps);
		});
	}

	@Test
	void generatedSupervisionFollowsTheRulesAndTheBodyOfThatLevelForThePlace() {
		Map<String, Object> wrong = asSystem(() -> jdbc.sql("""
				select
				  count(*) filter (where e.sector = 'HAZCHEM' and k.uscc is null
				                   and not (e.supervision_level = 'DISTRICT' and b.jurisdiction_code = e.district_code)) as hazchem,
				  count(*) filter (where e.sector = 'INDUSTRY_TRADE' and not e.key_unit and e.scale in ('SMALL', 'MICRO')
				                   and not (e.supervision_level = 'STREET' and b.jurisdiction_code = e.street_code)) as small,
				  count(*) filter (where e.sector = 'INDUSTRY_TRADE' and e.key_unit and k.uscc is null
				                   and not (e.supervision_level = 'DISTRICT' and b.jurisdiction_code = e.district_code)) as key,
				  count(*) filter (where e.level_rule like 'CITY%') as city,
				  count(*) as total
				from enterprise e join enforcement_body b on b.id = e.supervising_body_id
				  left join city_key_list k on k.uscc = e.uscc
				where e.level_rule is not null""").query().singleRow());
		assertThat(wrong).containsEntry("hazchem", 0L).containsEntry("small", 0L).containsEntry("key", 0L);
		assertThat((Long) wrong.get("total")).isGreaterThan(3_000L);
	}

	@Test
	void theDemoCityGivesEveryDemoJurisdictionEnterprises() {
		Map<String, Object> counts = asSystem(() -> jdbc.sql("""
				select count(*) filter (where district_code = '310107') as putuo,
				       count(*) filter (where district_code = '310115') as pudong,
				       count(*) filter (where street_code = '310107102') as changzheng,
				       count(*) filter (where street_code = '310115005') as lujiazui,
				       count(*) filter (where uscc like '91%') as total
				from enterprise""").query().singleRow());
		assertThat((Long) counts.get("total")).isGreaterThanOrEqualTo((long) DemoCity.ENTERPRISES);
		assertThat((Long) counts.get("putuo")).isGreaterThan(300L);
		assertThat((Long) counts.get("pudong")).isGreaterThan(500L);
		assertThat((Long) counts.get("changzheng")).isGreaterThan(50L);
		assertThat((Long) counts.get("lujiazui")).isGreaterThan(30L);
		// the demo city's own enterprises are all there (the generator's first codes for its seed)
		List<String> demoCodes = new java.util.ArrayList<>();
		loader.generator(DemoCity.SEED, CityGenerator.Profile.DEMO).generate(50, e -> demoCodes.add(e.uscc()));
		assertThat(asSystem(() -> jdbc.sql("select count(*) from enterprise where uscc in (:codes)").param("codes", demoCodes)
			.query(Long.class).single())).isEqualTo(50L);
	}
}
