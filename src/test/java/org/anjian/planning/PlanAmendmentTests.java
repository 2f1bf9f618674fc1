package org.anjian.planning;

import java.math.BigDecimal;

import org.anjian.TestYears;
import org.anjian.grading.Grade;
import org.anjian.planning.internal.PlanAmendments;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan's acts through the facade: versions, composition of drafts only, amendments with reasons after publication. */
@SpringBootTest
class PlanAmendmentTests {

	@Autowired
	Planning planning;

	@Autowired
	PlanComposition composition;

	@Autowired
	PlanAmendments amendments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlanFixtures fixtures;

	@Test
	void aPublishedPlanChangesOnlyWithARecordedAndAuditedReason() {
		String uscc = fixtures.districtUnit("310112", "310112102", "闵行计划测试发布后调整厂", Grade.A, false, null);
		long body = fixtures.body("310112");
		PlanSettings none = new PlanSettings(null, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null);
		AnnualPlan opened = asSystem(() -> planning.open(body, TestYears.fresh(), none, "test"));
		long id = opened.id();
		asSystem(() -> composition.compose(id));
		asSystem(() -> planning.submit(id, null));
		assertThatThrownBy(() -> asSystem(() -> composition.compose(id))).isInstanceOf(InvalidTransitionException.class);
		asSystem(() -> planning.approve(id, "leader", null));
		AnnualPlan published = asSystem(() -> planning.publish(id, null));
		assertThat(published.status()).isEqualTo(PlanStatus.PUBLISHED);
		PlanItem item = asSystem(() -> planning.items(id)).stream().filter(i -> i.uscc().equals(uscc)).findFirst().orElseThrow();

		assertThatThrownBy(() -> asSystem(() -> {
			amendments.withdraw(id, item.id(), null);
			return null;
		})).isInstanceOf(InvalidInputException.class).hasMessageContaining("理由");

		asSystem(() -> {
			amendments.withdraw(id, item.id(), "企业已停产搬迁，改由属地街镇核查");
			return null;
		});

		assertThat(asSystem(() -> planning.items(id))).extracting(PlanItem::uscc).doesNotContain(uscc);
		assertThat(asSystem(() -> amendments.amendments(id))).singleElement().satisfies(a -> {
			assertThat(a.reason()).isEqualTo("企业已停产搬迁，改由属地街镇核查");
			assertThat(a.change()).contains(uscc);
		});
		long audited = asSystem(() -> jdbc.sql("""
				select count(*) from audit_record where action = 'plan.withdraw-item'
				and entity_type in ('plan_item', 'plan_amendment') and (before_state::text like :u or after_state::text like :u)""")
			.param("u", "%" + uscc + "%").query(Long.class).single());
		assertThat(audited).isEqualTo(2);
	}

	@Test
	void anActOnAStaleVersionIsRefused() {
		long body = fixtures.body("310112");
		AnnualPlan opened = asSystem(() -> planning.open(body, TestYears.fresh(), null, "test"));
		asSystem(() -> planning.configure(opened.id(), PlanSettings.defaults(), opened.version()));
		assertThatThrownBy(() -> asSystem(() -> planning.configure(opened.id(), PlanSettings.defaults(), opened.version())))
			.isInstanceOf(OptimisticLockingFailureException.class);
	}

	@Test
	void aBodyHasOnePlanAYearAndAnEmptyPlanIsNotSubmitted() {
		long body = fixtures.body("310112");
		int year = TestYears.fresh();
		AnnualPlan opened = asSystem(() -> planning.open(body, year, null, "test"));
		assertThatThrownBy(() -> asSystem(() -> planning.open(body, year, null, "test")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining(String.valueOf(year));
		assertThatThrownBy(() -> asSystem(() -> planning.submit(opened.id(), null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("编制");
	}
}
