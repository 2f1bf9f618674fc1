package org.anjian.hazard;

import java.time.LocalDate;
import java.util.UUID;

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

/**
 * A hazard kept in the database: its acts are saved, a stale copy cannot overwrite a newer one, and the hazards of an
 * inspection are read with their state, as other modules read them.
 */
@SpringBootTest
class HazardsTests {

	@Autowired
	Hazards hazards;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	HazardRectification rectification;

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

	@Test
	void theHazardsOfATaskAreItsOwnWithTheirStateInTheOrderTheyWereRecorded() {
		String uscc = asSystem(
				() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "任务隐患测试机械厂")).uscc());
		long task = asSystem(() -> jdbc.sql("""
				insert into inspection_task (body_id, district_code, street_code, uscc, origin, reason, matters, status,
				                             code_token, created_by)
				select supervising_body_id, district_code, street_code, uscc, 'MANUAL', '任务隐患测试', array['安全生产管理'],
				       'FINISHED', :token, 'test' from enterprise where uscc = :uscc returning id""")
			.param("uscc", uscc).param("token", "hazards-test-" + UUID.randomUUID().toString().replace("-", ""))
			.query(Long.class).single());
		long verified = hazard(uscc, task, "配电箱未接地", "VERIFIED");
		long found = hazard(uscc, task, "消防通道堵塞", "FOUND");
		hazard(uscc, null, "另案隐患", "FOUND");

		assertThat(asSystem(() -> rectification.ofTask(task))).extracting(Hazard::id, Hazard::status)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(verified, HazardStatus.VERIFIED),
					org.assertj.core.groups.Tuple.tuple(found, HazardStatus.FOUND));
	}

	private long hazard(String uscc, Long task, String description, String status) {
		return asSystem(() -> jdbc.sql("""
				insert into hazard (district_code, uscc, task_id, description, major, status, found_at)
				values ('310107', :uscc, :task, :description, false, :status, now()) returning id""")
			.param("uscc", uscc).param("task", task).param("description", description).param("status", status)
			.query(Long.class).single());
	}
}
