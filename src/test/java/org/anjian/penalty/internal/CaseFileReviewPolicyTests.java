package org.anjian.penalty.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.DiscretionPolicy;
import org.anjian.penalty.DiscretionSettings;
import org.anjian.penalty.StatutoryRange;
import org.anjian.penalty.FourReasons;
import org.anjian.penalty.Party;
import org.anjian.penalty.PenaltyCase;
import org.anjian.shared.WorkingDays;
import org.anjian.shared.Zone;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case-file review checklist (issue 15, build item 8) on cases acted on day by day from a fixed clock: the
 * deadlines computed from the case's dates, the four reasons, the fine in its range, the documents where the case
 * requires them, the score and its result, and who may review.
 */
class CaseFileReviewPolicyTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T02:00:00Z"), Zone.SHANGHAI);
	private static final LocalDate DAY0 = LocalDate.now(CLOCK);

	/** Weekends off: 2026-03-02 is a Monday, and no holiday falls in the weeks these cases run. */
	private static final WorkingDays DAYS = WorkingDays.WEEKENDS_ONLY;

	private static final FourReasons WHY = new FourReasons("检查发现未如实记录安全生产教育培训情况，有检查记录和询问笔录为证",
			"《安全生产法》第二十八条、第九十七条第（四）项", "无从重、从轻情节，在一般档内确定罚款3万元", "当事人放弃陈述申辩");

	private static final CatalogueEntry ENTRY = CatalogueReader
		.read("/db/reference/penalty/work_safety_law_2021_penalties.json").stream()
		.filter(e -> e.id().equals("SL97-initial-unit")).findFirst().orElseThrow();

	@Test
	void aCaseThatKeptEveryDeadlineAndGaveEveryReasonPassesEveryComputedPoint() {
		PenaltyCase c = decided(30_000, 20, WHY);
		c.deliver(DAY0.plusDays(27));
		c.recordPayment(DAY0.plusDays(40), 30_000);
		c.close(DAY0.plusDays(41));

		List<Finding> computed = CaseFileReviewPolicy.computed(c, ENTRY, DAYS);

		assertThat(computed).noneMatch(Finding::failed);
		assertThat(outcomes(computed)).containsEntry(ReviewPoint.DECIDED_IN_TIME, Finding.Outcome.PASSED)
			.containsEntry(ReviewPoint.DELIVERED_IN_TIME, Finding.Outcome.PASSED)
			.containsEntry(ReviewPoint.PAID_IN_TIME, Finding.Outcome.PASSED)
			.containsEntry(ReviewPoint.HEARING_NOTICED_IN_TIME, Finding.Outcome.NOT_APPLICABLE)
			.containsEntry(ReviewPoint.REASON_FACTS, Finding.Outcome.PASSED)
			.containsEntry(ReviewPoint.REASON_DEFENCE, Finding.Outcome.PASSED)
			.containsEntry(ReviewPoint.WITHIN_RANGE, Finding.Outcome.PASSED);
		List<Finding> all = CaseFileReviewPolicy.checklist(c, ENTRY, allDocuments(), DAYS);
		assertThat(CaseFileReviewPolicy.score(all)).isEqualTo(100);
		assertThat(ReviewSettings.DEFAULTS.result(CaseFileReviewPolicy.score(all))).isEqualTo(ReviewResult.EXCELLENT);
		// a fine below 5万元 without a legal review needs neither 法制审核意见 nor 集体讨论记录
		assertThat(outcomes(all)).containsEntry(ReviewPoint.LEGAL_OPINION, Finding.Outcome.NOT_APPLICABLE)
			.containsEntry(ReviewPoint.DISCUSSION_RECORD, Finding.Outcome.NOT_APPLICABLE);
	}

	/** 行政处罚法第六十一条「…应当在七日内…送达当事人」, seven working days (第八十五条). */
	@Test
	void aDecisionDeliveredAfterSevenWorkingDaysFailsTheDeliveryPointWithItsReason() {
		PenaltyCase c = decided(30_000, 20, WHY);
		LocalDate decidedOn = DAY0.plusDays(20); // Sunday 2026-03-22: seven working days end on Tuesday 03-31
		c.deliver(LocalDate.of(2026, 4, 1));
		c.recordPayment(LocalDate.of(2026, 4, 3), 30_000);
		c.close(LocalDate.of(2026, 4, 4));

		Finding delivery = CaseFileReviewPolicy.byPoint(CaseFileReviewPolicy.computed(c, ENTRY, DAYS))
			.get(ReviewPoint.DELIVERED_IN_TIME);

		assertThat(delivery.failed()).isTrue();
		assertThat(delivery.note()).isEqualTo(decidedOn + "作出决定，2026-04-01才送达，超过7个工作日的送达期限（至2026-03-31，行政处罚法第61条、第85条）");
		assertThat(CaseFileReviewPolicy.score(CaseFileReviewPolicy.checklist(c, ENTRY, allDocuments(), DAYS))).isLessThan(100);
	}

	@Test
	void aDecisionDeliveredOnTheSeventhWorkingDayIsStillInTime() {
		PenaltyCase c = decided(30_000, 20, WHY);
		c.deliver(LocalDate.of(2026, 3, 31));
		assertThat(CaseFileReviewPolicy.byPoint(CaseFileReviewPolicy.computed(c, ENTRY, DAYS)).get(ReviewPoint.DELIVERED_IN_TIME)
			.outcome()).isEqualTo(Finding.Outcome.PASSED);
	}

	@Test
	void aDecisionAfterNinetyDaysFailsUnlessAnApprovedExtensionCoversIt() {
		PenaltyCase late = decided(30_000, 95, WHY);
		Finding lateFinding = CaseFileReviewPolicy.byPoint(CaseFileReviewPolicy.computed(late, ENTRY, DAYS))
			.get(ReviewPoint.DECIDED_IN_TIME);
		assertThat(lateFinding.failed()).isTrue();
		// opened on day 1: due on day 91, decided on day 95
		assertThat(lateFinding.note()).contains("办案期限至" + DAY0.plusDays(91)).contains("超期4日").contains("第60条");

		PenaltyCase extended = opened();
		extended.extend(30, "需进一步调查取证", "leader2");
		notifiedAndDecided(extended, 30_000, 95, WHY);
		Finding inTime = CaseFileReviewPolicy.byPoint(CaseFileReviewPolicy.computed(extended, ENTRY, DAYS))
			.get(ReviewPoint.DECIDED_IN_TIME);
		assertThat(inTime.outcome()).isEqualTo(Finding.Outcome.PASSED);
		assertThat(inTime.note()).contains("含批准延长30日");
	}

	@Test
	void aFinePaidAfterFifteenDaysFailsNamingTheLateCharge() {
		PenaltyCase c = decided(30_000, 20, WHY);
		LocalDate deliveredOn = DAY0.plusDays(21);
		c.deliver(deliveredOn);
		c.recordPayment(deliveredOn.plusDays(17), 30_000 + 1_800);

		Finding payment = CaseFileReviewPolicy.byPoint(CaseFileReviewPolicy.computed(c, ENTRY, DAYS)).get(ReviewPoint.PAID_IN_TIME);

		assertThat(payment.failed()).isTrue();
		assertThat(payment.note()).contains("第17日").contains("超过15日").contains("加处罚款1,800元已收缴");
	}

	@Test
	void aHearingLevelFineIsMajorAndNeedsTheLegalOpinionAndTheDiscussionRecordInItsFile() {
		PenaltyCase c = opened();
		c.endInvestigation();
		c.sendToLegalReview();
		c.passLegalReview("legal", "事实清楚，证据确凿，同意");
		c.notifyParty(60_000, 50_000, 3, DAY0.plusDays(10));
		c.requestHearing(DAY0.plusDays(12), DAYS);
		c.holdHearing(DAY0.plusDays(13), DAY0.plusDays(24), DAYS);
		c.recordDiscussion("负责人集体讨论，同意按告知数额处罚");
		c.decide(60_000, WHY, "leader", DAY0.plusDays(25), DAYS);

		assertThat(CaseFileReviewPolicy.major(c, ReviewSettings.DEFAULTS)).isTrue();
		assertThat(CaseFileReviewPolicy.majorBecause(c, ReviewSettings.DEFAULTS)).isEqualTo("达到听证数额的罚款");
		assertThat(CaseFileReviewPolicy.documentsRequired(c)).contains(ReviewPoint.LEGAL_OPINION,
				ReviewPoint.DISCUSSION_RECORD, ReviewPoint.NOTICE);
		Finding hearing = CaseFileReviewPolicy.byPoint(CaseFileReviewPolicy.computed(c, ENTRY, DAYS))
			.get(ReviewPoint.HEARING_NOTICED_IN_TIME);
		assertThat(hearing.outcome()).isEqualTo(Finding.Outcome.PASSED);
		assertThat(hearing.note()).isEqualTo("2026-03-15通知，2026-03-26举行");

		Map<ReviewPoint, CaseFileReviewPolicy.Tick> ticks = allDocuments();
		ticks.put(ReviewPoint.LEGAL_OPINION, new CaseFileReviewPolicy.Tick(false, null));
		Finding opinion = CaseFileReviewPolicy.byPoint(CaseFileReviewPolicy.documents(c, ticks)).get(ReviewPoint.LEGAL_OPINION);
		assertThat(opinion.failed()).isTrue();
		assertThat(opinion.note()).isEqualTo("案卷缺少法制审核意见");
	}

	@Test
	void aSmallFineWithoutLegalReviewIsNotMajor() {
		PenaltyCase c = decided(30_000, 20, WHY);
		assertThat(CaseFileReviewPolicy.major(c, ReviewSettings.DEFAULTS)).isFalse();
		assertThat(CaseFileReviewPolicy.major(c, new ReviewSettings(0.2, 30_000, 90, 75))).isTrue();
	}

	@Test
	void noOneWhoFiledInvestigatedOrDecidedTheCaseMayReviewIt() {
		PenaltyCase c = decided(30_000, 20, WHY);
		assertThat(CaseFileReviewPolicy.reviewer("putuo", c).reason()).startsWith("您是本案的立案申请人");
		assertThat(CaseFileReviewPolicy.reviewer("刘强", c).reason()).startsWith("您是本案的调查人员");
		assertThat(CaseFileReviewPolicy.reviewer("leader", c).reason())
			.isEqualTo("您是本案的决定人：案卷须由未参与立案、调查和决定的人员评查");
		assertThat(CaseFileReviewPolicy.reviewer("legal", c).allowed()).isTrue();
	}

	@Test
	void onlyAClosedCaseIsReviewed() {
		PenaltyCase c = decided(30_000, 20, WHY);
		assertThat(CaseFileReviewPolicy.reviewable(c).reason()).isEqualTo("案件当前为“已决定”，结案后才能评查案卷");
	}

	@Test
	void theScoreIsTheShareOfApplicablePointsPassedAndTheSettingsNameTheResult() {
		List<Finding> findings = List.of(Finding.passed(ReviewPoint.FILING_FORM, ""),
				Finding.passed(ReviewPoint.EVIDENCE, ""), Finding.passed(ReviewPoint.DECISION, ""),
				Finding.failed(ReviewPoint.DELIVERY_RECEIPT, "缺"), Finding.notApplicable(ReviewPoint.NOTICE, ""));
		assertThat(CaseFileReviewPolicy.score(findings)).isEqualTo(75);
		assertThat(ReviewSettings.DEFAULTS.result(75)).isEqualTo(ReviewResult.PASSED);
		assertThat(ReviewSettings.DEFAULTS.result(74)).isEqualTo(ReviewResult.FAILED);
		assertThat(ReviewSettings.DEFAULTS.result(90)).isEqualTo(ReviewResult.EXCELLENT);
	}

	/** Filed on day 0, opened on day 1 by another person with two investigators. */
	private static PenaltyCase opened() {
		PenaltyCase c = PenaltyCase.file(1, "310107", "310107102", "91310107MA1G000001", Party.UNIT, ENTRY.id(),
				"未如实记录安全生产教育培训情况", "putuo", DAY0);
		c.approveFiling("leader", List.of("putuo", "刘强"), DAY0.plusDays(1));
		c.recordEvidence();
		c.assess(DiscretionPolicy.propose(ENTRY, StatutoryRange.of(ENTRY), Set.of(), DiscretionSettings.DEFAULTS), Set.of(),
				null, null, DAY0.plusDays(2));
		return c;
	}

	private static PenaltyCase decided(long amount, int onDay, FourReasons why) {
		PenaltyCase c = opened();
		notifiedAndDecided(c, amount, onDay, why);
		return c;
	}

	private static void notifiedAndDecided(PenaltyCase c, long amount, int onDay, FourReasons why) {
		c.endInvestigation();
		c.notifyParty(amount, 50_000, 3, DAY0.plusDays(onDay - 5));
		c.decide(amount, why, "leader", DAY0.plusDays(onDay), DAYS);
	}

	private static Map<ReviewPoint, CaseFileReviewPolicy.Tick> allDocuments() {
		Map<ReviewPoint, CaseFileReviewPolicy.Tick> ticks = new EnumMap<>(ReviewPoint.class);
		for (ReviewPoint point : ReviewPoint.values()) {
			if (point.ticked()) {
				ticks.put(point, new CaseFileReviewPolicy.Tick(true, null));
			}
		}
		return ticks;
	}

	private static Map<ReviewPoint, Finding.Outcome> outcomes(List<Finding> findings) {
		Map<ReviewPoint, Finding.Outcome> outcomes = new EnumMap<>(ReviewPoint.class);
		findings.forEach(f -> outcomes.put(f.point(), f.outcome()));
		return outcomes;
	}
}
