package org.anjian.hazard.internal;

import org.anjian.hazard.internal.ReinspectionPolicy.Team;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 复查销号 by two officers (issue 21, finding 7: the officer who found a hazard alone verified its closure). */
class ReinspectionPolicyTests {

	@Test
	void aSecondOfficerOfTheSameBodyInOfficeMakesTwo() {
		assertThat(ReinspectionPolicy.twoOfficers(new Team(1L, 10L, 2L, 10L, "310107", true), "310107005").allowed())
			.isTrue();
	}

	@Test
	void aloneWithOneselfOutOfOfficeOrOfAnotherBodyIsRefusedWithTheReason() {
		assertThat(ReinspectionPolicy.twoOfficers(new Team(1L, 10L, null, null, null, false), "310107").reason())
			.contains("两名执法人员");
		assertThat(ReinspectionPolicy.twoOfficers(new Team(1L, 10L, 1L, 10L, "310107", true), "310107").reason())
			.contains("您以外");
		assertThat(ReinspectionPolicy.twoOfficers(new Team(1L, 10L, 2L, 10L, "310107", false), "310107").reason())
			.contains("在职");
		assertThat(ReinspectionPolicy.twoOfficers(new Team(1L, 10L, 2L, 11L, "310115", true), "310107").reason())
			.contains("本机关");
	}

	@Test
	void forTheSystemTheSecondOfficersBodyCoversTheActingBody() {
		assertThat(ReinspectionPolicy.twoOfficers(new Team(null, null, 2L, 10L, "310107", true), "310107102").allowed())
			.isTrue();
		assertThat(ReinspectionPolicy.twoOfficers(new Team(null, null, 2L, 1L, "310000", true), "310115").allowed())
			.isTrue();
		assertThat(ReinspectionPolicy.twoOfficers(new Team(null, null, 2L, 11L, "310115", true), "310107102").allowed())
			.isFalse();
	}
}
