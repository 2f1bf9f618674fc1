package org.anjian.planning.internal;

import org.anjian.grading.Grade;
import org.anjian.planning.internal.GradeTreatmentPolicy.Treatment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each grade asks of the annual plan, and the group exemption as it stands (issue 18 will revisit it). */
class GradeTreatmentPolicyTests {

	@Test
	void eachGradeHasItsTreatmentAndTheItemsPurposeNamesIt() {
		assertThat(GradeTreatmentPolicy.treatment(Grade.A, false)).isEqualTo(
				new GradeTreatmentPolicy.Decision(Treatment.FULL_CHECK, "A级全量体检"));
		assertThat(GradeTreatmentPolicy.treatment(Grade.B, false)).isEqualTo(
				new GradeTreatmentPolicy.Decision(Treatment.SAMPLE, "B级重点抽查"));
		assertThat(GradeTreatmentPolicy.treatment(Grade.C, false)).isEqualTo(
				new GradeTreatmentPolicy.Decision(Treatment.ASSISTANCE, "C级主动帮扶"));
		assertThat(Treatment.SAMPLE.drawPurpose()).isEqualTo("B_SAMPLE");
		assertThat(Treatment.ASSISTANCE.drawPurpose()).isEqualTo("C_ASSISTANCE");
		assertThat(Treatment.FULL_CHECK.drawPurpose()).isNull();
	}

	@Test
	void gradeDAndAnEnterpriseNotGradedYetAreLeftToTheGeneralDrawWithTheReasonSaid() {
		GradeTreatmentPolicy.Decision d = GradeTreatmentPolicy.treatment(Grade.D, false);
		assertThat(d.targeted()).isFalse();
		assertThat(d.reason()).contains("D级无事不扰", "双随机一般检查");
		GradeTreatmentPolicy.Decision ungraded = GradeTreatmentPolicy.treatment(null, false);
		assertThat(ungraded.targeted()).isFalse();
		assertThat(ungraded.reason()).contains("尚未评级");
	}

	@Test
	void aSelfSupervisingGroupsEnterpriseIsLeftOutOfEveryGradesTreatmentAndOfCampaignsUnlessAKeyUnit() {
		for (Grade grade : Grade.values()) {
			GradeTreatmentPolicy.Decision decision = GradeTreatmentPolicy.treatment(grade, true);
			assertThat(decision.treatment()).as(grade.name()).isEqualTo(Treatment.NONE);
		}
		assertThat(GradeTreatmentPolicy.treatment(Grade.B, true).reason()).contains("集团", "B级重点抽查");
		assertThat(GradeTreatmentPolicy.campaignItem(true, false).refused()).isTrue();
		assertThat(GradeTreatmentPolicy.campaignItem(true, true).allowed()).isTrue();
		assertThat(GradeTreatmentPolicy.campaignItem(false, false).allowed()).isTrue();
	}
}
