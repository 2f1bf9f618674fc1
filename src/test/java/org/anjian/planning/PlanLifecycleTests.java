package org.anjian.planning;

import java.time.Instant;

import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.JurisdictionLevel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The plan's lifecycle on the aggregate: the allowed acts, and refusals that name both states in Chinese. */
class PlanLifecycleTests {

	/** A draft of any year a plan may have: it is never stored, so no other test meets it. */
	static AnnualPlan draft() {
		return AnnualPlan.draft(1L, JurisdictionLevel.DISTRICT, "310107", null, 2030, PlanSettings.defaults(), "00ff",
				Instant.now(), "test");
	}

	@Test
	void aDraftIsSubmittedApprovedAndPublished() {
		AnnualPlan plan = draft();
		plan.submit("putuo");
		assertThat(plan.status()).isEqualTo(PlanStatus.SUBMITTED);
		plan.approve("leader");
		assertThat(plan.status()).isEqualTo(PlanStatus.APPROVED);
		assertThat(plan.approvedBy()).isEqualTo("leader");
		plan.publish(Instant.now());
		assertThat(plan.status()).isEqualTo(PlanStatus.PUBLISHED);
		assertThat(plan.publishedAt()).isNotNull();
	}

	@Test
	void aSubmittedPlanCanBeReturnedToDraftAndSubmittedAgain() {
		AnnualPlan plan = draft();
		plan.submit("putuo");
		plan.returnToDraft();
		assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
		plan.submit("putuo");
		assertThat(plan.status()).isEqualTo(PlanStatus.SUBMITTED);
	}

	@Test
	void aDraftCannotBeApprovedNorPublishedAndTheRefusalNamesBothStates() {
		AnnualPlan plan = draft();
		assertThatThrownBy(() -> plan.approve("leader"))
			.isInstanceOf(InvalidTransitionException.class)
			.hasMessageContaining("草稿").hasMessageContaining("已批准");
		assertThatThrownBy(() -> plan.publish(Instant.now()))
			.isInstanceOf(InvalidTransitionException.class)
			.hasMessageContaining("草稿").hasMessageContaining("已发布");
		assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
	}

	@Test
	void aSubmittedPlanIsNotPublishedBeforeApprovalAndAnApprovedOneIsNotReturned() {
		AnnualPlan plan = draft();
		plan.submit("putuo");
		assertThatThrownBy(() -> plan.publish(Instant.now())).isInstanceOf(InvalidTransitionException.class)
			.hasMessageContaining("已提交");
		plan.approve("leader");
		assertThatThrownBy(plan::returnToDraft).isInstanceOf(InvalidTransitionException.class)
			.hasMessageContaining("已批准").hasMessageContaining("草稿");
	}

	@Test
	void aPublishedPlanMovesNoFurtherAndIsNoLongerComposed() {
		AnnualPlan plan = draft();
		plan.submit("putuo");
		plan.approve("leader");
		plan.publish(Instant.now());
		for (PlanStatus target : PlanStatus.values()) {
			assertThat(PlanStatus.PUBLISHED.allows(target)).isFalse();
		}
		assertThatThrownBy(() -> plan.submit("putuo")).isInstanceOf(InvalidTransitionException.class).hasMessageContaining("已发布");
		assertThatThrownBy(() -> plan.requireDraft("编制")).isInstanceOf(InvalidTransitionException.class)
			.hasMessageContaining("理由");
		assertThatThrownBy(() -> plan.configure(PlanSettings.defaults())).isInstanceOf(InvalidTransitionException.class);
	}

	@Test
	void settingsOutOfRangeAreRefusedAndMissingOnesTakeTheDefaults() {
		PlanSettings completed = new PlanSettings(null, null, null, null, null, null).completed();
		assertThat(completed).isEqualTo(PlanSettings.defaults());
		assertThat(completed.reserveShare()).isEqualByComparingTo("0.15");
		assertThatThrownBy(() -> new PlanSettings(new java.math.BigDecimal("1.2"), null, null, null, null, null).completed())
			.isInstanceOf(org.anjian.shared.InvalidInputException.class).hasMessageContaining("预留比例");
	}

	@Test
	void capacityIsOfficerDaysTimesInspectionsPerDayForPairsLessTheReserve() {
		// 10 officers × 15 days × 12 months × 2 a day = 3,600 officer-inspections = 1,800 inspections; less 15% = 1,530
		assertThat(PlanSettings.defaults().capacity(10)).isEqualTo(1530);
	}

	@Test
	void whoeverOpenedOrSubmittedAPlanCannotApproveIt() {
		// issue 21, finding 7: an account holding both LEADER and DISTRICT_OFFICER approved its own plan
		AnnualPlan opened = draft();
		opened.submit("putuo");
		assertThatThrownBy(() -> opened.approve("test")).hasMessageContaining("本人起草或提交的不能自行批准");
		AnnualPlan submitted = draft();
		submitted.submit("leader");
		assertThatThrownBy(() -> submitted.approve("leader")).hasMessageContaining("须由起草和提交人以外的领导批准");
		assertThat(submitted.status()).isEqualTo(PlanStatus.SUBMITTED);
		submitted.approve("another-leader");
		assertThat(submitted.status()).isEqualTo(PlanStatus.APPROVED);
	}
}
