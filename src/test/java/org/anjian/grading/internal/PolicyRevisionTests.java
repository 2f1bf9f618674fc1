package org.anjian.grading.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.grading.AccidentLevel;
import org.anjian.grading.FactIntake;
import org.anjian.grading.FactKind;
import org.anjian.grading.Grade;
import org.anjian.grading.RiskFact;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Versions of the scoring policy: draft, preview, activation with a regrade; and the watch list's rules. */
@SpringBootTest
class PolicyRevisionTests {

	@Autowired
	PolicyRevision revision;

	@Autowired
	ScoringPolicies policies;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	FactIntake intake;

	@Autowired
	WatchList watchList;

	@Autowired
	Clock clock;

	@AfterEach
	void restoreVersionOneFigures() {
		if (!policies.active().thresholds().equals(TestPolicies.v1().thresholds())) {
			int draft = asSystem(() -> revision.draft("恢复", "test"));
			asSystem(() -> {
				revision.revise(draft, TestPolicies.v1());
				return null;
			});
			asSystem(() -> revision.activate(draft));
		}
	}

	@Test
	void aDraftIsPreviewedThenActivatedAndTheOldVersionIsKept() {
		String uscc = asSystem(() -> registry
			.register(TestEnterprises.smallWorkshop("310107", "310107102", "上海长征模具厂"))
			.uscc());
		int before = policies.activeVersion();
		int same = asSystem(() -> revision.draft("同前", "test"));
		asSystem(() -> revision.activate(same)); // everyone graded under the same figures

		int draft = asSystem(() -> revision.draft("降低C级门槛", "test"));
		ScoringPolicy lower = new ScoringPolicy(draft, null, policies.version(draft).items(),
				policies.version(draft).factors(),
				new ScoringPolicy.Thresholds(new BigDecimal("60"), new BigDecimal("35"), new BigDecimal("5")),
				policies.version(draft).overrides());
		asSystem(() -> {
			revision.revise(draft, lower);
			return null;
		});

		PolicyRevision.Preview preview = revision.preview(draft);

		// a small workshop scores 5 (industry-trade) + 5 (confined space) − 5 (insurance) = 5: D now, C under the draft
		assertThat(preview.moves().get("D")).containsKey(Grade.C);
		assertThat(preview.changed()).isPositive();
		assertThat(policies.activeVersion()).isNotEqualTo(draft); // a preview activates nothing

		FullRegrade.Run run = asSystem(() -> revision.activate(draft));

		assertThat(run.policyVersion()).isEqualTo(draft);
		assertThat(run.changedGrades()).isEqualTo((int) preview.changed());
		assertThat(policies.describe(before).status()).isEqualTo(PolicyStatus.RETIRED);
		assertThat(policies.describe(draft).status()).isEqualTo(PolicyStatus.ACTIVE);
		assertThat(policies.describe(draft).effectiveFrom()).isEqualTo(LocalDate.now(clock));
		assertThat(asSystem(() -> intake.record(RiskFact.of(uscc, FactKind.ALARM, LocalDate.now(clock), null)))
			.assessment()
			.orElseThrow()
			.grade()).isEqualTo(Grade.C);
	}

	@Test
	void rejectsRevisingAnActiveVersion() {
		int active = policies.activeVersion();

		assertThatThrownBy(() -> asSystem(() -> {
			revision.revise(active, TestPolicies.v1());
			return null;
		})).isInstanceOf(InvalidTransitionException.class).hasMessageContaining("不能再修改");
	}

	@Test
	void rejectsThresholdsOutOfOrder() {
		assertThatThrownBy(() -> new ScoringPolicy.Thresholds(new BigDecimal("30"), new BigDecimal("35"),
				new BigDecimal("15")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("A > B > C");
	}

	@Test
	void aFatalAccidentPutsTheEnterpriseOnTheWatchListUntilAnOfficerTakesItOff() {
		String uscc = asSystem(() -> registry
			.register(TestEnterprises.smallWorkshop("310107", "310107102", "上海长征锻压厂"))
			.uscc());

		asSystem(() -> intake.record(RiskFact.accident(uscc, LocalDate.now(clock).minusDays(10), AccidentLevel.GENERAL, 1,
				0, "accident:watch-" + uscc)));

		List<WatchList.Entry> entries = asSystem(() -> watchList.of(uscc));
		assertThat(entries).singleElement().satisfies(e -> {
			assertThat(e.origin()).isEqualTo("RULE");
			assertThat(e.reasons()).containsExactly("12个月内发生亡人事故");
		});

		assertThatThrownBy(() -> asSystem(() -> {
			watchList.remove(entries.get(0).id(), " ");
			return null;
		})).isInstanceOf(InvalidInputException.class).hasMessageContaining("理由");
		asSystem(() -> {
			watchList.remove(entries.get(0).id(), "事故已结案，整改措施经复查落实");
			watchList.refresh(uscc);
			return null;
		});

		assertThat(asSystem(() -> watchList.of(uscc))).isEmpty();
	}
}
