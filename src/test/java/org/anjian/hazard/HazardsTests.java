package org.anjian.hazard;

import java.time.LocalDate;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A hazard kept in the database: its acts are saved, and a stale copy cannot overwrite a newer one. */
@SpringBootTest
class HazardsTests {

	@Autowired
	Hazards hazards;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anOrderedRectificationIsKeptAndAStaleCopyIsRefused() {
		String uscc = asSystem(
				() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "隐患保存测试机械厂")).uscc());
		long id = asSystem(() -> jdbc.sql("""
				insert into hazard (district_code, uscc, description, major, status, found_at)
				values ('310107', :uscc, '配电箱未接地', false, 'FOUND', now()) returning id""")
			.param("uscc", uscc).query(Long.class).single());
		LocalDate today = LocalDate.now();

		Hazard stale = asSystem(() -> hazards.findById(id).orElseThrow());
		asSystem(() -> {
			Hazard hazard = hazards.findById(id).orElseThrow();
			hazard.orderRectification(today.plusDays(30), today);
			hazards.save(hazard);
		});

		Hazard saved = asSystem(() -> hazards.findById(id).orElseThrow());
		assertThat(saved.status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(saved.deadline()).isEqualTo(today.plusDays(30));
		stale.orderRectification(today.plusDays(10), today);
		assertThatThrownBy(() -> asSystem(() -> hazards.save(stale)))
			.isInstanceOf(OptimisticLockingFailureException.class);
	}
}
