package org.anjian.enterprise.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code generate} runs the steps whose options are given: {@code --events} alone adds facts, not enterprises. */
@SpringBootTest
class GenerateCommandTests {

	@Autowired
	GenerateCommand generate;

	@Autowired
	JdbcClient jdbc;

	@Test
	void eventsAloneAddAHistoryOfFactsAndNoEnterprises() throws Exception {
		long enterprises = count("enterprise");
		long facts = count("risk_fact");
		long seed = System.nanoTime() % 1_000_000_000L;

		assertThat(generate.run(List.of("--events", "500", "--seed", String.valueOf(seed)))).isZero();

		assertThat(count("enterprise")).isEqualTo(enterprises);
		assertThat(count("risk_fact")).isEqualTo(facts + 500);
	}

	@Test
	void refusesAnUnknownOptionNamingTheKnownOnes() {
		assertThatThrownBy(() -> generate.run(List.of("--plans", "5")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("--enterprises")
			.hasMessageContaining("--events");
	}

	private long count(String table) {
		return asSystem(() -> jdbc.sql("select count(*) from " + table).query(Long.class).single());
	}
}
