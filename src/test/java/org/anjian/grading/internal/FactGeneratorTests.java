package org.anjian.grading.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;

/** The generated history of facts: deterministic, plausible, and loaded without one audit record per row. */
@SpringBootTest
class FactGeneratorTests {

	@Autowired
	FactGenerator generator;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void generatesAPlausibleHistoryOnceForASeed() {
		for (int i = 0; i < 20; i++) {
			String name = "上海长征生成测试" + i + "厂";
			asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102", name)));
		}
		long seed = System.nanoTime() % 1_000_000;
		long auditBefore = auditRecords();

		long added = generator.generate(20_000, seed, LocalDate.of(2026, 11, 29));
		long again = generator.generate(20_000, seed, LocalDate.of(2026, 11, 29));

		assertThat(added).isEqualTo(20_000);
		assertThat(again).isZero();
		assertThat(auditRecords() - auditBefore).isEqualTo(2); // one summary per run
		Map<String, Long> kinds = asSystem(() -> jdbc
			.sql("select kind, count(*) as n from risk_fact where source like :prefix group by kind")
			.param("prefix", "gen:" + seed + ":%")
			.query((rs, n) -> Map.entry(rs.getString("kind"), rs.getLong("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
		assertThat(kinds.get("ALARM")).isBetween(6_000L, 8_000L);
		assertThat(kinds.get("ACCIDENT")).isBetween(100L, 350L);
		assertThat(kinds.get("ALARM")).isGreaterThan(kinds.get("PENALTY"));
		double rectified = asSystem(() -> jdbc.sql("""
				select avg(case when resolved_on is not null then 1.0 else 0 end) from risk_fact
				where source like :prefix and kind = 'MAJOR_HAZARD' and occurred_on < date '2026-09-01'""")
			.param("prefix", "gen:" + seed + ":%")
			.query(Double.class)
			.single());
		assertThat(rectified).isBetween(0.93, 0.995);
	}

	private long auditRecords() {
		return asSystem(() -> jdbc.sql("select count(*) from audit_record where entity_type = 'risk_fact'")
			.query(Long.class)
			.single());
	}
}
