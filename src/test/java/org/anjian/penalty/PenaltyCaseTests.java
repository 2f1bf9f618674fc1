package org.anjian.penalty;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.WorkingDays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, acceptance: "A parameterised test walks every allowed and forbidden transition; a case above the hearing
 * thresholds cannot be decided without the hearing notice and the legal review; deadlines are computed on a fixed
 * clock … and shown." The dates are fixed; no clock is read.
 */
class PenaltyCaseTests {

	private static final LocalDate DAY = LocalDate.of(2027, 3, 1);
	private static final long UNIT_LARGER = 50_000;
	private static final int DEFENCE_DAYS = 3;
	/** The weekends off, no holiday: 2027-03-01 is a Monday. */
	private static final WorkingDays DAYS = WorkingDays.WEEKENDS_ONLY;
	private static final CatalogueEntry ENTRY = new CatalogueEntry("SL97-initial-unit", "安全生产法", 97, null, "生产经营单位",
			"未如实记录安全生产教育和培训情况", Tier.INITIAL, Party.UNIT, null, 0, 100_000, "责令限期改正，处十万元以下的罚款", null);
	private static final FourReasons WHY = new FourReasons("2027年2月检查发现未如实记录安全生产教育培训情况，有检查记录和询问笔录为证",
			"《安全生产法》第二十八条、第九十七条第（四）项", "无从重从轻情节，在一般档内确定", "当事人未提出陈述申辩");

	/** An official act, the states it is taken in (the table this test holds the aggregate to) and where it leads. */
	record Act(String name, Set<CaseStatus> from, CaseStatus target, Consumer<PenaltyCase> perform) {

		@Override
		public String toString() {
			return name;
		}
	}

	static final List<Act> ACTS = List.of(
			new Act("批准立案", EnumSet.of(CaseStatus.FILED), CaseStatus.INVESTIGATING,
					c -> c.approveFiling("leader", List.of("putuo", "putuo2"), DAY)),
			new Act("不予立案", EnumSet.of(CaseStatus.FILED), CaseStatus.DROPPED, c -> c.refuseFiling("leader")),
			new Act("调查终结", EnumSet.of(CaseStatus.INVESTIGATING), CaseStatus.REVIEWING, PenaltyCase::endInvestigation),
			new Act("补充调查", EnumSet.of(CaseStatus.REVIEWING), CaseStatus.INVESTIGATING, PenaltyCase::investigateFurther),
			new Act("送法制审核", EnumSet.of(CaseStatus.REVIEWING), CaseStatus.LEGAL_REVIEW, PenaltyCase::sendToLegalReview),
			new Act("法制审核通过", EnumSet.of(CaseStatus.LEGAL_REVIEW), CaseStatus.REVIEWING,
					c -> c.passLegalReview("legal", "事实清楚，证据确凿，适用依据正确")),
			new Act("法制审核退回", EnumSet.of(CaseStatus.LEGAL_REVIEW), CaseStatus.INVESTIGATING,
					c -> c.refuseLegalReview("legal", "证据不足")),
			new Act("告知", EnumSet.of(CaseStatus.REVIEWING), CaseStatus.NOTIFIED,
					c -> c.notifyParty(30_000, UNIT_LARGER, DEFENCE_DAYS, DAY.plusDays(20))),
			new Act("申请听证", EnumSet.of(CaseStatus.NOTIFIED), CaseStatus.HEARING, c -> c.requestHearing(DAY.plusDays(22), DAYS)),
			new Act("集体讨论", EnumSet.of(CaseStatus.NOTIFIED, CaseStatus.HEARING), CaseStatus.DISCUSSION,
					c -> c.recordDiscussion("负责人集体讨论，同意按告知数额处罚")),
			new Act("处罚决定", EnumSet.of(CaseStatus.NOTIFIED, CaseStatus.HEARING, CaseStatus.DISCUSSION), CaseStatus.DECIDED,
					c -> c.decide(30_000, WHY, "leader", DAY.plusDays(40), DAYS)),
			new Act("不予处罚决定", EnumSet.of(CaseStatus.REVIEWING, CaseStatus.DISCUSSION), CaseStatus.NOT_PUNISHED,
					c -> c.decideNotToPunish("违法行为轻微并及时改正，没有造成危害后果；已对当事人进行教育", "leader", DAY.plusDays(30))),
			new Act("移送", EnumSet.of(CaseStatus.INVESTIGATING, CaseStatus.REVIEWING), CaseStatus.TRANSFERRED,
					c -> c.transfer("普陀区公安分局")),
			new Act("送达", EnumSet.of(CaseStatus.DECIDED), CaseStatus.DELIVERED, c -> c.deliver(DAY.plusDays(42))),
			new Act("缴纳罚款", EnumSet.of(CaseStatus.DELIVERED), CaseStatus.EXECUTED,
					c -> c.recordPayment(DAY.plusDays(50), 30_000)),
			new Act("结案", EnumSet.of(CaseStatus.EXECUTED, CaseStatus.NOT_PUNISHED, CaseStatus.TRANSFERRED),
					CaseStatus.CLOSED, c -> c.close(DAY.plusDays(60))));

	static Stream<Arguments> everyActInEveryState() {
		List<Arguments> arguments = new ArrayList<>();
		for (Act act : ACTS) {
			for (CaseStatus status : CaseStatus.values()) {
				arguments.add(Arguments.of(act, status));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} in {1}")
	@MethodSource("everyActInEveryState")
	void anActIsTakenExactlyInTheStatesThatAllowItAndRefusedNamingBothStatesElsewhere(Act act, CaseStatus status) {
		PenaltyCase c = inState(status);
		assertThat(c.status()).isEqualTo(status);
		if (act.from().contains(status)) {
			assertThat(status.allows(act.target())).as("the lifecycle enum allows " + status + " → " + act.target()).isTrue();
			act.perform().accept(c);
			assertThat(c.status()).isEqualTo(act.target());
		}
		else {
			assertThatThrownBy(() -> act.perform().accept(c)).isInstanceOf(InvalidTransitionException.class)
				.hasMessageContaining(status.label())
				.satisfies(e -> {
					InvalidTransitionException refused = (InvalidTransitionException) e;
					assertThat(refused.current()).isEqualTo(status.name());
					assertThat(refused.attempted()).isEqualTo(act.target().name());
				});
			assertThat(c.status()).isEqualTo(status);
		}
	}

	@Test
	void everyTransitionTheLifecycleAllowsHasAnAct() {
		for (CaseStatus status : CaseStatus.values()) {
			for (CaseStatus target : status.next()) {
				assertThat(ACTS).as(status + " → " + target)
					.anyMatch(act -> act.from().contains(status) && act.target() == target);
			}
		}
	}

	/** APL 58 and 63: a fine of 较大数额 is decided only after the hearing right was told and a legal review passed. */
	@Test
	void aFineOfTheLargerAmountIsNotDecidedWithoutTheLegalReview() {
		PenaltyCase c = inState(CaseStatus.REVIEWING);
		c.notifyParty(60_000, UNIT_LARGER, DEFENCE_DAYS, DAY.plusDays(20));
		assertThat(c.hearingRight()).isTrue();
		c.recordDiscussion("集体讨论记录");
		assertThatThrownBy(() -> c.decide(60_000, WHY, "leader", DAY.plusDays(40), DAYS)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("法制审核");
		assertThat(c.status()).isEqualTo(CaseStatus.DISCUSSION);

		PenaltyCase reviewed = inState(CaseStatus.REVIEWING);
		reviewed.sendToLegalReview();
		reviewed.passLegalReview("legal", "同意");
		reviewed.notifyParty(60_000, UNIT_LARGER, DEFENCE_DAYS, DAY.plusDays(20));
		reviewed.requestHearing(DAY.plusDays(25), DAYS);
		assertThatThrownBy(() -> reviewed.recordDiscussion("提前讨论")).hasMessageContaining("听证举行后");
		reviewed.holdHearing(DAY.plusDays(26), DAY.plusDays(37), DAYS);
		reviewed.recordDiscussion("负责人集体讨论，维持告知数额");
		reviewed.decide(60_000, WHY, "leader", DAY.plusDays(40), DAYS);
		assertThat(reviewed.status()).isEqualTo(CaseStatus.DECIDED);
	}

	@Test
	void theHearingIsRequestedWithinFiveDaysAndNoticedSevenDaysAhead() {
		PenaltyCase small = inState(CaseStatus.REVIEWING);
		small.notifyParty(30_000, UNIT_LARGER, DEFENCE_DAYS, DAY.plusDays(20));
		assertThatThrownBy(() -> small.requestHearing(DAY.plusDays(21), DAYS)).hasMessageContaining("不享有听证权利");

		PenaltyCase late = inState(CaseStatus.REVIEWING);
		assess(late, 80_000L, "违法行为持续时间长，多次提醒未改正");
		late.notifyParty(80_000, UNIT_LARGER, DEFENCE_DAYS, DAY.plusDays(20));
		assertThat(late.hearingRequestDue(DAYS)).isEqualTo(DAY.plusDays(25));
		assertThatThrownBy(() -> late.requestHearing(DAY.plusDays(26), DAYS)).hasMessageContaining("5个工作日内")
			.hasMessageContaining("2027-03-26");
		late.requestHearing(DAY.plusDays(25), DAYS);
		assertThatThrownBy(() -> late.holdHearing(DAY.plusDays(26), DAY.plusDays(32), DAYS)).hasMessageContaining("7个工作日前");
	}

	/** APL 45: 不得因当事人陈述、申辩而给予更重的处罚. SWM 29: 5万元以上 by collective discussion. */
	@Test
	void aDecisionIsNeverHeavierThanTheNoticeAndLargeFinesAreDiscussed() {
		PenaltyCase c = inState(CaseStatus.NOTIFIED);
		assertThatThrownBy(() -> c.decide(35_000, WHY, "leader", DAY.plusDays(40), DAYS)).hasMessageContaining("第45条");
		PenaltyCase large = inState(CaseStatus.REVIEWING);
		large.sendToLegalReview();
		large.passLegalReview("legal", "同意");
		large.notifyParty(50_000, 100_000, DEFENCE_DAYS, DAY.plusDays(20));
		assertThatThrownBy(() -> large.decide(50_000, WHY, "leader", DAY.plusDays(40), DAYS)).hasMessageContaining("集体讨论");
	}

	@Test
	void aDecisionCarriesFourReasonsAndIsNotMadeByWhoFiledOrInvestigated() {
		PenaltyCase c = inState(CaseStatus.NOTIFIED);
		assertThatThrownBy(() -> c.decide(30_000, new FourReasons("事实", "法律", "裁量", " "), "leader", DAY.plusDays(40), DAYS))
			.hasMessageContaining("情理");
		assertThatThrownBy(() -> c.decide(30_000, WHY, "putuo2", DAY.plusDays(40), DAYS)).hasMessageContaining("本人起草或提交的不能自行批准");
		assertThatThrownBy(() -> c.decide(30_000, WHY, "officer", DAY.plusDays(40), DAYS)).hasMessageContaining("本人起草或提交的不能自行批准");
		PenaltyCase filed = PenaltyCase.file(12L, "310107", "310107102", "91310107MA1G00000X", Party.UNIT, "SL97-initial-unit", "未如实记录培训情况",
				"officer", DAY);
		assertThatThrownBy(() -> filed.approveFiling("officer", List.of("a", "b"), DAY)).hasMessageContaining("本人起草或提交的不能自行批准");
		assertThatThrownBy(() -> filed.approveFiling("leader", List.of("a", "a"), DAY)).hasMessageContaining("两名以上");
	}

	/** APL 60, 61, 67, 72: the deadlines from the acts' dates, the late charge 3% a day up to the fine. */
	@Test
	void theDeadlinesFollowFromTheActsDates() {
		PenaltyCase c = inState(CaseStatus.INVESTIGATING);
		assertThat(c.decisionDue()).isEqualTo(DAY.plusDays(90));
		assertThat(c.deadline(DAY.plusDays(90), DAYS).overdue()).isFalse();
		assertThat(c.deadline(DAY.plusDays(91), DAYS)).isEqualTo(new PenaltyCase.Deadline("作出决定", DAY.plusDays(90), true));
		c.extend(30, "案情复杂，需鉴定", "leader");
		assertThat(c.decisionDue()).isEqualTo(DAY.plusDays(120));
		assertThatThrownBy(() -> c.extend(61, "再延长", "leader")).hasMessageContaining("最多延长90日");

		PenaltyCase decided = inState(CaseStatus.DECIDED);
		// 行政处罚法第六十一条、第八十五条: seven working days from the decision on Saturday 2027-04-10 end on Tuesday 04-20
		assertThat(decided.deadline(DAY.plusDays(47), DAYS)).isEqualTo(new PenaltyCase.Deadline("送达", DAY.plusDays(50), false));
		decided.deliver(DAY.plusDays(42));
		assertThat(decided.paymentDue()).isEqualTo(DAY.plusDays(57));
		assertThat(decided.lateCharge(DAY.plusDays(57))).isZero();
		assertThat(decided.lateCharge(DAY.plusDays(59))).isEqualTo(1_800);
		assertThat(decided.lateCharge(DAY.plusDays(200))).isEqualTo(30_000);
		assertThatThrownBy(() -> decided.recordPayment(DAY.plusDays(59), 30_000)).hasMessageContaining("应缴3.18万元").hasMessageContaining("加处罚款1,800元");
		decided.recordPayment(DAY.plusDays(59), 31_800);
		assertThat(decided.status()).isEqualTo(CaseStatus.EXECUTED);
	}

	/**
	 * Build item 3: 行政处罚法第三十三条 is answered before any fine is told; a ground that holds leaves only 不予处罚.
	 * Build item 2: an amount outside the proposed band needs a written reason and a legal review.
	 */
	@Test
	void theNoPenaltyGroundsComeFirstAndAnAmountOutsideTheBandNeedsAReasonAndALegalReview() {
		PenaltyCase unassessed = PenaltyCase.file(12L, "310107", "310107102", "91310107MA1G00000X", Party.UNIT,
				"SL97-initial-unit", "未如实记录安全生产教育培训情况", "officer", DAY);
		unassessed.approveFiling("leader", List.of("putuo", "putuo2"), DAY);
		assertThatThrownBy(unassessed::endInvestigation).hasMessageContaining("尚未登记任何证据");
		unassessed.recordEvidence();
		unassessed.endInvestigation();
		assertThatThrownBy(() -> unassessed.notifyParty(30_000, UNIT_LARGER, DEFENCE_DAYS, DAY))
			.hasMessageContaining("逐项审查不予处罚情形");
		assertThat(unassessed.status()).isEqualTo(CaseStatus.REVIEWING);

		PenaltyCase minor = inState(CaseStatus.REVIEWING);
		assess(minor, DiscretionFactor.NO_PENALTY_MINOR);
		assertThat(minor.band()).isEqualTo(Band.NONE);
		assertThatThrownBy(() -> minor.notifyParty(1_000, UNIT_LARGER, DEFENCE_DAYS, DAY))
			.hasMessageContaining("应作不予行政处罚决定");
		minor.decideNotToPunish("违法行为轻微并及时改正，没有造成危害后果；已对当事人进行教育", "leader", DAY);
		assertThat(minor.status()).isEqualTo(CaseStatus.NOT_PUNISHED);

		PenaltyCase outside = inState(CaseStatus.REVIEWING);
		assertThat(outside.band()).isEqualTo(Band.USUAL);
		assertThatThrownBy(() -> outside.notifyParty(10_000, UNIT_LARGER, DEFENCE_DAYS, DAY))
			.hasMessageContaining("不在建议的一般档").hasMessageContaining("书面说明理由");
		assertThatThrownBy(() -> assess(outside, 10_000L, " ")).hasMessageContaining("须书面说明理由并经法制审核");
		assess(outside, 10_000L, "当事人主动消除违法行为后果，且系小微企业");
		assertThat(outside.intendedAmount()).isEqualTo(10_000);
		outside.notifyParty(10_000, UNIT_LARGER, DEFENCE_DAYS, DAY);
		assertThat(outside.legalReviewRequired()).isTrue();
		assertThat(outside.hearingRight()).isFalse();
		outside.waiveDefence("qiye", DAY.plusDays(1));
		assertThatThrownBy(() -> outside.decide(10_000, WHY, "leader", DAY.plusDays(5), DAYS))
			.hasMessageContaining("偏离建议的裁量档次");
	}

	/** 行政处罚法第六十二条: no decision before the party was heard, or its time to state and defend ran out. */
	@Test
	void theDecisionWaitsForTheDefenceOrTheEndOfItsTime() {
		PenaltyCase c = inState(CaseStatus.REVIEWING);
		c.notifyParty(30_000, UNIT_LARGER, DEFENCE_DAYS, DAY.plusDays(20));
		assertThat(c.defenceDue(DAYS)).isEqualTo(DAY.plusDays(23));
		assertThatThrownBy(() -> c.decide(30_000, WHY, "leader", DAY.plusDays(23), DAYS)).hasMessageContaining("陈述申辩期限至2027-03-24");
		c.decide(30_000, WHY, "leader", DAY.plusDays(24), DAYS);
		assertThat(c.status()).isEqualTo(CaseStatus.DECIDED);
		assertThatThrownBy(() -> c.stateDefence("迟到的申辩", true, "qiye", DAY.plusDays(25))).isInstanceOf(InvalidTransitionException.class);

		PenaltyCase heard = inState(CaseStatus.REVIEWING);
		heard.notifyParty(30_000, UNIT_LARGER, DEFENCE_DAYS, DAY.plusDays(20));
		heard.stateDefence("已立即组织补训并建立档案，请求从轻处罚", true, "qiye", DAY.plusDays(21));
		assertThat(heard.defenceOnline()).isTrue();
		heard.decide(30_000, WHY, "leader", DAY.plusDays(21), DAYS);
		assertThat(heard.status()).isEqualTo(CaseStatus.DECIDED);
	}

	/**
	 * 行政处罚法第六十六条「当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者分期缴纳」: the
	 * approved day replaces the fifteen days, instalments add up, the late charge runs only after the approved day.
	 */
	@Test
	void anApprovedDeferralMovesThePaymentDayAndInstalmentsAddUpToTheFine() {
		PenaltyCase c = inState(CaseStatus.DELIVERED);
		LocalDate payBy = c.paymentDue().plusDays(60);
		assertThatThrownBy(() -> c.allowDeferral(payBy, 3, "企业经营困难，申请分期", "officer"))
			.hasMessageContaining("本人起草或提交的不能自行批准");
		assertThatThrownBy(() -> c.allowDeferral(c.paymentDue(), 3, "企业经营困难，申请分期", "leader"))
			.hasMessageContaining("应晚于原缴款期限");
		c.allowDeferral(payBy, 3, "企业经营困难，申请分三期缴纳", "leader");
		assertThat(c.paymentDue()).isEqualTo(payBy);
		assertThat(c.lateCharge(payBy)).isZero();
		c.recordPayment(DAY.plusDays(60), 10_000);
		assertThat(c.status()).isEqualTo(CaseStatus.DELIVERED);
		assertThat(c.owed(DAY.plusDays(60))).isEqualTo(20_000);
		c.recordPayment(DAY.plusDays(80), 20_000);
		assertThat(c.status()).isEqualTo(CaseStatus.EXECUTED);
		assertThat(c.paidAmount()).isEqualTo(30_000);

		PenaltyCase whole = inState(CaseStatus.DELIVERED);
		assertThatThrownBy(() -> whole.recordPayment(DAY.plusDays(45), 10_000)).hasMessageContaining("应缴3万元");
	}

	@Test
	void anActLongUndiscoveredIsNoLongerPunishedAndSmallFinesAreOnTheSpot() {
		assertThat(LimitationPolicy.punishable(DAY, DAY.plusYears(2), false).allowed()).isTrue();
		assertThat(LimitationPolicy.punishable(DAY, DAY.plusYears(2).plusDays(1), false).reason()).contains("第36条");
		assertThat(LimitationPolicy.punishable(DAY, DAY.plusYears(4), true).allowed()).isTrue();
		assertThat(SimpleProcedurePolicy.onTheSpot(Party.UNIT, 3_000).allowed()).isTrue();
		assertThat(SimpleProcedurePolicy.onTheSpot(Party.UNIT, 3_001).reason()).contains("第51条");
		assertThat(SimpleProcedurePolicy.onTheSpot(Party.RESPONSIBLE_PERSON, 201).refused()).isTrue();
	}

	/** A case brought to the state by its official acts, on fixed dates. */
	static PenaltyCase inState(CaseStatus status) {
		PenaltyCase c = PenaltyCase.file(12L, "310107", "310107102", "91310107MA1G00000X", Party.UNIT, "SL97-initial-unit", "未如实记录安全生产教育培训情况",
				"officer", DAY);
		switch (status) {
			case FILED -> {
			}
			case DROPPED -> c.refuseFiling("leader");
			case INVESTIGATING -> open(c);
			case REVIEWING -> review(c);
			case LEGAL_REVIEW -> {
				review(c);
				c.sendToLegalReview();
			}
			case NOTIFIED -> notified(c);
			case HEARING -> {
				review(c);
				c.sendToLegalReview();
				c.passLegalReview("legal", "同意");
				c.notifyParty(30_000, 20_000, DEFENCE_DAYS, DAY.plusDays(20));
				c.requestHearing(DAY.plusDays(22), DAYS);
				c.holdHearing(DAY.plusDays(23), DAY.plusDays(35), DAYS);
			}
			case DISCUSSION -> {
				notified(c);
				c.recordDiscussion("负责人集体讨论");
			}
			case DECIDED -> decided(c);
			case DELIVERED -> {
				decided(c);
				c.deliver(DAY.plusDays(42));
			}
			case EXECUTED -> executed(c);
			case NOT_PUNISHED -> {
				review(c);
				c.decideNotToPunish("首违不罚，已教育", "leader", DAY.plusDays(30));
			}
			case TRANSFERRED -> {
				open(c);
				c.transfer("公安机关");
			}
			case CLOSED -> {
				executed(c);
				c.close(DAY.plusDays(60));
			}
		}
		return c;
	}

	private static void open(PenaltyCase c) {
		c.approveFiling("leader", List.of("putuo", "putuo2"), DAY);
		c.recordEvidence();
		assess(c);
	}

	private static void assess(PenaltyCase c, DiscretionFactor... ticked) {
		assess(c, null, null, ticked);
	}

	private static void assess(PenaltyCase c, Long intended, String deviation, DiscretionFactor... ticked) {
		Set<DiscretionFactor> factors = ticked.length == 0 ? Set.of() : EnumSet.of(ticked[0], ticked);
		c.assess(DiscretionPolicy.propose(ENTRY, StatutoryRange.of(ENTRY), factors, DiscretionSettings.DEFAULTS), factors,
				intended, deviation, DAY.plusDays(10));
	}

	private static void review(PenaltyCase c) {
		open(c);
		c.endInvestigation();
	}

	/** Notified of a fine at the hearing level of a person (legal review passed), so that every later act can follow. */
	private static void notified(PenaltyCase c) {
		review(c);
		c.sendToLegalReview();
		c.passLegalReview("legal", "同意");
		c.notifyParty(30_000, 20_000, DEFENCE_DAYS, DAY.plusDays(20));
	}

	private static void decided(PenaltyCase c) {
		notified(c);
		c.decide(30_000, WHY, "leader", DAY.plusDays(40), DAYS);
	}

	private static void executed(PenaltyCase c) {
		decided(c);
		c.deliver(DAY.plusDays(42));
		c.recordPayment(DAY.plusDays(50), 30_000);
	}
}
