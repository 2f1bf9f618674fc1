package org.anjian.penalty;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.anjian.shared.Allowance;
import org.anjian.shared.FourEyesPolicy;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.Versioned;
import org.anjian.shared.WorkingDays;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A penalty case (行政处罚案件) in the general procedure: one violation of one party, from 立案 to 结案. It guards its
 * lifecycle ({@link CaseStatus}), one method per official act, and computes its deadlines from the dates of the acts
 * — never stored by hand.
 *
 * <p>The rules of the Administrative Penalty Law (APL) and the penalty measures (SWM) it keeps:
 * <ul>
 * <li>立案 is approved by someone other than who filed it, and names at least two investigators (SWM 24);</li>
 * <li>a decision within {@value #DECISION_DAYS} days of 立案 (APL 60), extended only with approval;</li>
 * <li>a fine of 较大数额 needs the hearing right told (APL 63), a hearing requested within {@value #HEARING_REQUEST_DAYS}
 * days of the notice (APL 64①) and noticed {@value #HEARING_NOTICE_DAYS} days ahead (APL 64②), and a passed legal review
 * (APL 58: 未经法制审核或者审核未通过的，不得作出决定);</li>
 * <li>a fine of {@value #COLLECTIVE_DISCUSSION_YUAN} yuan or more is decided by collective discussion (SWM 29);</li>
 * <li>the decision is not heavier than the notice (APL 45: 不得因当事人陈述、申辩而给予更重的处罚), carries the four
 * reasons, and is not made by who filed or investigated the case (四眼原则);</li>
 * <li>delivered within {@value #DELIVERY_DAYS} days (APL 61), paid within {@value #PAYMENT_DAYS} days of delivery (APL 67),
 * late by 3% of the fine a day, at most the fine (APL 72).</li>
 * </ul>
 */
@Table("penalty_case")
public class PenaltyCase implements Versioned {

	public static final int DECISION_DAYS = 90;
	/**
	 * 办法第32条「…特殊情况需进一步调查取证的，经上一级安全监管监察部门批准，可以延长至180日」: 90 days and at most 90 more,
	 * 180 in all.
	 */
	public static final int MAX_EXTENSION_DAYS = 90;
	public static final int HEARING_REQUEST_DAYS = 5;
	public static final int HEARING_NOTICE_DAYS = 7;
	public static final int DELIVERY_DAYS = 7;
	public static final int PAYMENT_DAYS = 15;
	public static final long COLLECTIVE_DISCUSSION_YUAN = 50_000;
	public static final int MAX_EVIDENCE = 500;

	private @Id Long id;
	private final long bodyId;
	private final String districtCode;
	private final String streetCode;
	private final String uscc;
	private final Party party;
	private final String entryId;
	private final String facts;
	private final String filedBy;
	private final LocalDate filedOn;
	private CaseStatus status;
	private String approvedBy;
	private LocalDate openedOn;
	private String[] investigators = new String[0];
	private int extensionDays;
	private String extensionReason;
	private boolean legalReviewPassed;
	private String legalReviewer;
	private String legalOpinion;
	private Long notifiedAmount;
	private LocalDate notifiedOn;
	private long hearingThreshold;
	private LocalDate hearingRequestedOn;
	private LocalDate hearingNoticeOn;
	private LocalDate hearingHeldOn;
	private String discussionRecord;
	private Long decidedAmount;
	private LocalDate decidedOn;
	private String decidedBy;
	@Embedded.Nullable(prefix = "reason_")
	private FourReasons reasons;
	private String noPenaltyGround;
	private String transferredTo;
	private LocalDate deliveredOn;
	private LocalDate paidOn;
	private Long paidAmount;
	private LocalDate closedOn;
	private CaseOrigin origin = CaseOrigin.MANUAL;
	private Long originId;
	private int evidenceCount;
	private String[] factors = new String[0];
	private LocalDate assessedOn;
	private Band band;
	private Long bandMin;
	private Long bandMax;
	private Long proposedAmount;
	private Long intendedAmount;
	private String deviationReason;
	private String defence;
	private LocalDate defenceOn;
	private boolean defenceOnline;
	private boolean defenceWaived;
	private String defenceBy;
	private int defenceDays;
	private Procedure procedure = Procedure.GENERAL;
	private LocalDate actEndedOn;
	private LocalDate discoveredOn;
	private boolean harmedLife;
	private Long handedOverBy;
	private LocalDate deferredTo;
	private int instalments;
	private String deferralReason;
	private @Version Integer version;

	@PersistenceCreator
	PenaltyCase(Long id, long bodyId, String districtCode, String streetCode, String uscc, Party party, String entryId,
			String facts, String filedBy, LocalDate filedOn, CaseStatus status, Integer version) {
		this.id = id;
		this.bodyId = bodyId;
		this.districtCode = districtCode;
		this.streetCode = streetCode;
		this.uscc = uscc;
		this.party = party;
		this.entryId = entryId;
		this.facts = facts;
		this.filedBy = filedBy;
		this.filedOn = filedOn;
		this.status = status;
		this.version = version;
	}

	/**
	 * 立案申请: an officer of an enforcement body files a case for a violation of the catalogue by an enterprise (or its
	 * responsible persons), which lies where the enterprise lies.
	 */
	public static PenaltyCase file(long bodyId, String districtCode, String streetCode, String uscc, Party party,
			String entryId, String facts, String by, LocalDate today) {
		if (facts == null || facts.isBlank()) {
			throw new InvalidInputException("facts", "请写明涉嫌违法的事实");
		}
		if (facts.strip().length() > 4000) {
			throw new InvalidInputException("facts", "违法事实最多 4000 个字符");
		}
		return new PenaltyCase(null, bodyId, districtCode, streetCode, uscc, party, entryId, facts.strip(), by, today,
				CaseStatus.FILED, null);
	}

	/**
	 * 当场处罚 (简易程序): 行政处罚法第五十一条「违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款
	 * 或者警告的行政处罚的，可以当场作出行政处罚决定」; 第五十二条: the officers show their papers, tell the facts, the
	 * grounds and the party's rights, hear its statement, and hand the decision over on the spot. The case is decided
	 * and delivered the day it is made, by two officers (第42条), the no-penalty grounds answered first, with the four
	 * reasons; payment and closing follow as in the general procedure.
	 */
	public static PenaltyCase onTheSpot(long bodyId, String districtCode, String streetCode, String uscc, Party party,
			String entryId, String facts, long amount, long largerAmount, Discretion proposal,
			java.util.Collection<DiscretionFactor> ticked, FourReasons why, String statement, String officer,
			String secondOfficer, LocalDate today) {
		SimpleProcedurePolicy.onTheSpot(party, amount).orRefuseInput("amount");
		if (proposal.noPenalty()) {
			throw new InvalidInputException("factors", "已认定不予处罚情形，不能当场处罚：应按一般程序作出不予行政处罚决定");
		}
		if (amount <= 0) {
			throw new InvalidInputException("amount", "当场处罚的罚款数额应大于零");
		}
		if (amount < proposal.bandMin() || amount > proposal.bandMax()) {
			// no legal review runs on the short path, so no fine may leave the band the benchmark proposes
			throw new InvalidInputException("amount", "罚款" + Yuan.of(amount) + "不在建议的" + proposal.band().label() + "档（"
					+ Yuan.range(proposal.bandMin(), proposal.bandMax()) + "）内：当场处罚不经法制审核，须在建议档次内确定，否则适用一般程序");
		}
		if (secondOfficer == null || secondOfficer.isBlank() || secondOfficer.strip().equals(officer)) {
			throw new InvalidInputException("secondOfficer", "当场处罚须由两名以上执法人员作出（行政处罚法第42条）：请选择另一名执法人员");
		}
		requireText("defence", statement, "请记录当事人的陈述、申辩（行政处罚法第52条）；当事人无异议的，写明“无异议”");
		if (statement.strip().length() > FourReasons.MAX_LENGTH) {
			throw new InvalidInputException("defence", "陈述申辩最多 " + FourReasons.MAX_LENGTH + " 个字符");
		}
		String missing = why == null ? "当场处罚决定须写明四理（事理、法理、道理、情理）" : why.missing();
		if (missing != null) {
			throw new InvalidInputException("reasons", missing);
		}
		PenaltyCase c = file(bodyId, districtCode, streetCode, uscc, party, entryId, facts, officer, today);
		c.procedure = Procedure.SIMPLE;
		c.investigators = new String[] { officer, secondOfficer.strip() };
		c.openedOn = today;
		c.factors = ticked.stream().map(DiscretionFactor::name).sorted().toArray(String[]::new);
		c.assessedOn = today;
		c.band = proposal.band();
		c.bandMin = proposal.bandMin();
		c.bandMax = proposal.bandMax();
		c.proposedAmount = proposal.proposed();
		c.intendedAmount = amount;
		c.notifiedAmount = amount;
		c.notifiedOn = today;
		c.hearingThreshold = largerAmount;
		c.defence = statement.strip();
		c.defenceOn = today;
		c.decidedAmount = amount;
		c.decidedOn = today;
		c.decidedBy = officer;
		c.reasons = why;
		c.deliveredOn = today;
		c.status = CaseStatus.DELIVERED;
		return c;
	}

	/**
	 * 行政处罚法第三十六条「违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至
	 * 五年」: the day the act ended (a continuing act: the day it was last seen going on) and the day it was discovered;
	 * refused when the limitation ran out. Unknown end: not judged here.
	 */
	public PenaltyCase limitation(LocalDate endedOn, LocalDate discovered, boolean lifeOrHealthHarmed) {
		if (id != null) {
			throw new IllegalStateException("a filed case keeps its dates");
		}
		if (endedOn != null) {
			if (endedOn.isAfter(discovered)) {
				throw new InvalidInputException("actEndedOn", "违法行为终了日期（" + endedOn + "）不能晚于发现日期（" + discovered + "）");
			}
			LimitationPolicy.punishable(endedOn, discovered, lifeOrHealthHarmed).orRefuseInput("actEndedOn");
		}
		actEndedOn = endedOn;
		discoveredOn = discovered;
		harmedLife = lifeOrHealthHarmed;
		return this;
	}

	/** 查罚衔接: the street body that found the violation and handed it to this (district) body. */
	public PenaltyCase handedOverBy(long streetBody) {
		if (id != null) {
			throw new IllegalStateException("a filed case keeps who handed it over");
		}
		if (streetBody == bodyId) {
			throw new IllegalArgumentException("a body does not hand a case over to itself");
		}
		handedOverBy = streetBody;
		return this;
	}

	/** Where the case came from: an inspection's failed item, a hazard, a report; by hand when not said. */
	public PenaltyCase from(CaseOrigin source, Long sourceId) {
		if (id != null) {
			throw new IllegalStateException("a filed case keeps its origin");
		}
		origin = source == null ? CaseOrigin.MANUAL : source;
		originId = source == null || source == CaseOrigin.MANUAL ? null : sourceId;
		return this;
	}

	/** 立案审批: approved by someone other than who filed it, with two investigators or more. */
	public void approveFiling(String leader, List<String> investigatedBy, LocalDate today) {
		FourEyesPolicy.approval(leader, List.of(filedBy), "立案").orRefuseInput("approvedBy");
		Set<String> distinct = new LinkedHashSet<>(investigatedBy == null ? List.of() : investigatedBy);
		distinct.removeIf(name -> name == null || name.isBlank());
		if (distinct.size() < 2) {
			throw new InvalidInputException("investigators", "调查取证须指定两名以上执法人员（办法第24条）");
		}
		moveTo(CaseStatus.INVESTIGATING, "批准立案", CaseStatus.FILED);
		approvedBy = leader;
		openedOn = today;
		investigators = distinct.toArray(String[]::new);
	}

	/** 不予立案 */
	public void refuseFiling(String leader) {
		FourEyesPolicy.approval(leader, List.of(filedBy), "不予立案").orRefuseInput("approvedBy");
		moveTo(CaseStatus.DROPPED, "决定不予立案", CaseStatus.FILED);
		approvedBy = leader;
	}

	/** 调查取证: one more piece of evidence gathered by the investigators (the item itself is kept beside the case). */
	public void recordEvidence() {
		if (status != CaseStatus.INVESTIGATING) {
			throw new InvalidTransitionException(status.name(), CaseStatus.INVESTIGATING.name(),
					"案件当前为“" + status.label() + "”，不能登记证据（调查取证阶段才能登记）");
		}
		if (evidenceCount >= MAX_EVIDENCE) {
			throw new InvalidInputException("evidence", "一个案件最多登记 " + MAX_EVIDENCE + " 项证据");
		}
		evidenceCount++;
	}

	/** 调查终结: the case goes to 案件审核, with its evidence. */
	public void endInvestigation() {
		if (status == CaseStatus.INVESTIGATING && evidenceCount == 0) {
			throw new InvalidInputException("evidence", "尚未登记任何证据，不能调查终结（检查记录、照片、询问笔录或书证）");
		}
		moveTo(CaseStatus.REVIEWING, "调查终结", CaseStatus.INVESTIGATING);
	}

	/**
	 * 裁量: the facts ticked — the answer to each no-penalty ground first, then the circumstances — and what the
	 * benchmark proposes from them. Recorded while the case is investigated or reviewed; recorded again replaces it.
	 */
	public void assess(Discretion proposal, java.util.Collection<DiscretionFactor> ticked, Long intended,
			String deviation, LocalDate today) {
		if (status != CaseStatus.INVESTIGATING && status != CaseStatus.REVIEWING) {
			throw new InvalidTransitionException(status.name(), status.name(),
					"案件当前为“" + status.label() + "”，不能记录裁量情节（调查取证或案件审核阶段才能记录）");
		}
		if (!proposal.entry().id().equals(entryId)) {
			throw new IllegalArgumentException("a proposal for " + proposal.entry().id() + " on a case of " + entryId);
		}
		long amount = proposal.noPenalty() ? 0 : intended == null ? proposal.proposed() : intended;
		boolean outside = !proposal.noPenalty() && (amount < proposal.bandMin() || amount > proposal.bandMax());
		if (outside && (deviation == null || deviation.isBlank())) {
			throw new InvalidInputException("deviationReason", "拟处罚款" + Yuan.of(amount) + "不在建议的"
					+ proposal.band().label() + "档（" + Yuan.range(proposal.bandMin(), proposal.bandMax())
					+ "）内：须书面说明理由并经法制审核");
		}
		if (outside && deviation.strip().length() > 2000) {
			throw new InvalidInputException("deviationReason", "偏离裁量档次的理由最多 2000 个字符");
		}
		factors = ticked.stream().map(DiscretionFactor::name).sorted().toArray(String[]::new);
		assessedOn = today;
		intendedAmount = amount;
		deviationReason = outside ? deviation.strip() : null;
		// a legal review passed before these facts were recorded did not see them
		legalReviewPassed = false;
		band = proposal.noPenalty() ? Band.NONE : proposal.band();
		bandMin = proposal.bandMin();
		bandMax = proposal.bandMax();
		proposedAmount = proposal.proposed();
	}

	/** 陈述申辩: the party's statement and defence, online by the enterprise or recorded by an officer. */
	public void stateDefence(String text, boolean online, String by, LocalDate on) {
		requireDefenceOpen("提交陈述申辩");
		requireText("defence", text, "请填写陈述申辩的内容");
		if (text.strip().length() > FourReasons.MAX_LENGTH) {
			throw new InvalidInputException("defence", "陈述申辩最多 " + FourReasons.MAX_LENGTH + " 个字符");
		}
		defence = text.strip();
		defenceOn = on;
		defenceOnline = online;
		defenceBy = by;
		defenceWaived = false;
	}

	/** 放弃陈述申辩: the party says it will not state or defend. */
	public void waiveDefence(String by, LocalDate on) {
		requireDefenceOpen("放弃陈述申辩");
		if (defence != null) {
			throw new InvalidInputException("defence", "当事人已于" + defenceOn + "提出陈述申辩");
		}
		defenceWaived = true;
		defenceOn = on;
		defenceBy = by;
	}

	private void requireDefenceOpen(String act) {
		if (status != CaseStatus.NOTIFIED && status != CaseStatus.HEARING) {
			throw new InvalidTransitionException(status.name(), CaseStatus.NOTIFIED.name(),
					"案件当前为“" + status.label() + "”，不能" + act + "（告知后、决定前才能）");
		}
	}

	/** 补充调查: back from 案件审核 or a refused legal review. */
	public void investigateFurther() {
		moveTo(CaseStatus.INVESTIGATING, "退回补充调查", CaseStatus.REVIEWING);
	}

	/** 送法制审核 */
	public void sendToLegalReview() {
		moveTo(CaseStatus.LEGAL_REVIEW, "送法制审核");
		legalReviewPassed = false;
	}

	/** 法制审核通过: back to 案件审核, which may now notify and decide. */
	public void passLegalReview(String reviewer, String opinion) {
		review(true, reviewer, opinion);
	}

	/** 法制审核未通过: back to investigation. */
	public void refuseLegalReview(String reviewer, String opinion) {
		review(false, reviewer, opinion);
	}

	private void review(boolean passed, String reviewer, String opinion) {
		requireText("legalOpinion", opinion, "请填写法制审核意见");
		if (passed) {
			moveTo(CaseStatus.REVIEWING, "通过法制审核", CaseStatus.LEGAL_REVIEW);
		}
		else {
			moveTo(CaseStatus.INVESTIGATING, "退回补充调查（法制审核未通过）", CaseStatus.LEGAL_REVIEW);
		}
		legalReviewPassed = passed;
		legalReviewer = reviewer;
		legalOpinion = opinion.strip();
	}

	/**
	 * 告知: the intended fine, the right to state and defend, and the hearing right where the amount is 较大数额. The
	 * no-penalty grounds are answered first (a ground that holds leaves only 不予处罚); an amount outside the band the
	 * benchmark proposed needs a written reason and then a passed legal review before the decision.
	 */
	public void notifyParty(long amount, long largerAmount, int daysToDefend, LocalDate today) {
		requireMove(CaseStatus.NOTIFIED, "告知当事人", CaseStatus.REVIEWING);
		if (assessedOn == null) {
			throw new InvalidInputException("factors", "请先逐项审查不予处罚情形并记录裁量情节，再告知拟处罚款");
		}
		List<DiscretionFactor> grounds = groundsHolding();
		if (!grounds.isEmpty()) {
			throw new InvalidInputException("amount", "已认定" + grounds.get(0).label() + "，应作不予行政处罚决定，不能告知罚款");
		}
		if (amount <= 0) {
			throw new InvalidInputException("amount", "告知的罚款数额应大于零；不予处罚的案件作不予处罚决定");
		}
		if ((amount < bandMin || amount > bandMax) && (deviationReason == null || amount != intendedAmount)) {
			throw new InvalidInputException("amount", "罚款" + Yuan.of(amount) + "不在建议的" + band.label() + "档（"
					+ Yuan.range(bandMin, bandMax) + "）内：须在裁量时作为拟处罚款书面说明理由，并经法制审核");
		}
		moveTo(CaseStatus.NOTIFIED, "告知当事人", CaseStatus.REVIEWING);
		notifiedAmount = amount;
		notifiedOn = today;
		hearingThreshold = largerAmount;
		defenceDays = daysToDefend;
	}


	/** 听证申请: only where the hearing right was told, within five days of the notice (APL 64①). */
	public void requestHearing(LocalDate on, WorkingDays days) {
		if (status != CaseStatus.NOTIFIED) {
			moveTo(CaseStatus.HEARING, "受理听证申请", CaseStatus.NOTIFIED);
		}
		requireDate("on", on, notifiedOn, "听证申请日期", "告知日期");
		if (!hearingRight()) {
			throw new InvalidInputException("hearing", "告知的罚款未达较大数额，当事人不享有听证权利");
		}
		if (on.isAfter(hearingRequestDue(days))) {
			throw new InvalidInputException("hearing", "听证申请应在告知后" + HEARING_REQUEST_DAYS + "个工作日内提出（截止" + hearingRequestDue(days)
					+ "，行政处罚法第64条）");
		}
		moveTo(CaseStatus.HEARING, "受理听证申请");
		hearingRequestedOn = on;
	}

	/** 听证: held at least seven days after its notice (APL 64②). */
	public void holdHearing(LocalDate noticedOn, LocalDate heldOn, WorkingDays days) {
		if (status != CaseStatus.HEARING) {
			throw new InvalidTransitionException(status.name(), CaseStatus.HEARING.name(),
					"案件当前为“" + status.label() + "”，不能举行听证");
		}
		requireDate("noticedOn", noticedOn, hearingRequestedOn, "听证通知日期", "听证申请日期");
		requireDate("heldOn", heldOn, noticedOn, "举行听证日期", "听证通知日期");
		if (heldOn.isBefore(days.after(noticedOn, HEARING_NOTICE_DAYS))) {
			throw new InvalidInputException("hearing", "应在举行听证的" + HEARING_NOTICE_DAYS + "个工作日前通知当事人（行政处罚法第64条、第85条）");
		}
		hearingNoticeOn = noticedOn;
		hearingHeldOn = heldOn;
	}

	/** 集体讨论 and its record. */
	public void recordDiscussion(String record) {
		requireText("discussion", record, "请填写集体讨论记录");
		requireHearingHeld();
		moveTo(CaseStatus.DISCUSSION, "记录集体讨论");
		discussionRecord = record.strip();
	}

	/** 决定: the fine, its four reasons, by a leader who did not file or investigate the case. */
	public void decide(long amount, FourReasons why, String leader, LocalDate today, WorkingDays days) {
		Allowance allowed = decision(amount, why, leader, today, days);
		if (allowed.refused()) {
			if (!status.allows(CaseStatus.DECIDED)) {
				throw new InvalidTransitionException(status.name(), CaseStatus.DECIDED.name(), allowed.reason());
			}
			throw new InvalidInputException("amount", allowed.reason());
		}
		moveTo(CaseStatus.DECIDED, "作出处罚决定");
		decidedAmount = amount;
		decidedOn = today;
		decidedBy = leader;
		reasons = why;
	}

	/** Whether this decision may be made now, and why not. */
	public Allowance decision(long amount, FourReasons why, String leader, LocalDate today, WorkingDays days) {
		if (!status.allows(CaseStatus.DECIDED)) {
			return Allowance.refused("案件当前为“" + status.label() + "”，不能作出处罚决定");
		}
		if (amount <= 0) {
			return Allowance.refused("处罚决定的罚款数额应大于零");
		}
		if (amount > notifiedAmount) {
			return Allowance.refused("决定的罚款" + Yuan.of(amount) + "重于告知的" + Yuan.of(notifiedAmount)
					+ "：不得因当事人陈述、申辩而给予更重的处罚（行政处罚法第45条），须重新告知");
		}
		if (amount >= hearingThreshold && !legalReviewPassed) {
			return Allowance.refused("较大数额罚款须经法制审核通过后才能决定（行政处罚法第58条）");
		}
		if (deviationReason != null && (amount < bandMin || amount > bandMax) && !legalReviewPassed) {
			return Allowance.refused("罚款偏离建议的裁量档次，须经法制审核通过后才能决定");
		}
		if (hearingRequestedOn != null && hearingHeldOn == null) {
			return Allowance.refused("当事人已申请听证，听证举行后才能决定");
		}
		if (defence == null && !defenceWaived && !today.isAfter(defenceDue(days))) {
			return Allowance.refused("当事人陈述申辩期限至" + defenceDue(days) + "，期满或当事人陈述申辩、放弃后才能决定（行政处罚法第62条）");
		}
		if (amount >= COLLECTIVE_DISCUSSION_YUAN && discussionRecord == null) {
			return Allowance.refused("5万元以上罚款须经负责人集体讨论决定（办法第29条）");
		}
		String missing = why == null ? "处罚决定须写明四理（事理、法理、道理、情理）" : why.missing();
		if (missing != null) {
			return Allowance.refused(missing);
		}
		List<String> authors = new ArrayList<>(investigators());
		authors.add(filedBy);
		return FourEyesPolicy.approval(leader, authors, "处罚决定");
	}

	/** 不予处罚决定, with the ground (行政处罚法第33条 or the city's list) and the education given. */
	public void decideNotToPunish(String ground, String leader, LocalDate today) {
		requireText("ground", ground, "请写明不予处罚的依据和对当事人的教育");
		requireMove(CaseStatus.NOT_PUNISHED, "作出不予处罚决定");
		if (assessedOn == null) {
			throw new InvalidInputException("factors", "请先逐项审查不予处罚情形并记录，再作不予处罚决定");
		}
		moveTo(CaseStatus.NOT_PUNISHED, "作出不予处罚决定");
		noPenaltyGround = ground.strip();
		decidedOn = today;
		decidedBy = leader;
	}

	/** 移送: to another authority, or to the police for a suspected crime (行刑衔接). */
	public void transfer(String to) {
		requireText("transferredTo", to, "请写明移送的机关");
		moveTo(CaseStatus.TRANSFERRED, "移送案件");
		transferredTo = to.strip();
	}

	/** 延长办案期限: once, approved by someone other than who filed the case. */
	public void extend(int days, String reason, String approver) {
		if (!status.beforeDecision()) {
			throw new InvalidTransitionException(status.name(), status.name(), "案件当前为“" + status.label() + "”，无需延长办案期限");
		}
		if (days < 1 || extensionDays + days > MAX_EXTENSION_DAYS) {
			throw new InvalidInputException("days", "请填写延长的天数：办案期限合计最多延长" + MAX_EXTENSION_DAYS + "日，已延长"
					+ extensionDays + "日");
		}
		requireText("reason", reason, "请写明延长办案期限的理由");
		FourEyesPolicy.approval(approver, List.of(filedBy), "延长办案期限").orRefuseInput("approvedBy");
		extensionDays += days;
		extensionReason = reason.strip();
	}

	/** 送达 */
	public void deliver(LocalDate on) {
		if (status == CaseStatus.DECIDED) {
			requireDate("on", on, decidedOn, "送达日期", "决定日期");
		}
		moveTo(CaseStatus.DELIVERED, "送达处罚决定书");
		deliveredOn = on;
	}

	/** 缴纳罚款: the fine and any late charge due that day. */
	public void recordPayment(LocalDate on, long amount) {
		if (status == CaseStatus.DELIVERED) {
			requireDate("on", on, paidOn != null ? paidOn : deliveredOn, "缴款日期", paidOn != null ? "上次缴款日期" : "送达日期");
		}
		long owed = owed(on);
		if (status == CaseStatus.DELIVERED && amount <= 0) {
			throw new InvalidInputException("amount", "请填写缴款金额");
		}
		if (status == CaseStatus.DELIVERED && amount < owed && instalments <= 1) {
			throw new InvalidInputException("amount", "应缴" + Yuan.of(owed) + "（罚款" + Yuan.of(decidedAmount)
					+ "，加处罚款" + Yuan.of(lateCharge(on)) + (paid() > 0 ? "，已缴" + Yuan.of(paid()) : "") + "）");
		}
		if (status == CaseStatus.DELIVERED && amount < owed) {
			// an instalment approved under 行政处罚法第66条: the case stays delivered until the whole is paid
			paidOn = on;
			paidAmount = paid() + amount;
			return;
		}
		moveTo(CaseStatus.EXECUTED, "登记缴纳罚款");
		paidOn = on;
		paidAmount = paid() + amount;
	}

	/**
	 * 暂缓或者分期缴纳 (行政处罚法第六十六条「当事人确有经济困难，需要延期或者分期缴纳罚款的，经当事人申请和行政机关批准，可以暂缓或者
	 * 分期缴纳」): the last day moves to {@code payBy}; with more than one instalment, payments add up until the whole is
	 * paid. Approved by someone other than who filed the case.
	 */
	public void allowDeferral(LocalDate payBy, int parts, String reason, String approver) {
		if (status != CaseStatus.DELIVERED) {
			throw new InvalidTransitionException(status.name(), status.name(),
					"案件当前为“" + status.label() + "”，不能批准暂缓或分期缴纳（送达后、缴清前才能）");
		}
		if (payBy == null || !payBy.isAfter(paymentDue())) {
			throw new InvalidInputException("payBy", "暂缓或分期缴纳的期限应晚于原缴款期限（" + paymentDue() + "）");
		}
		if (parts < 1 || parts > 12) {
			throw new InvalidInputException("instalments", "分期次数应在 1 至 12 之间（1 为暂缓缴纳）");
		}
		requireText("deferralReason", reason, "请写明当事人的经济困难和申请情况");
		if (reason.strip().length() > 1000) {
			throw new InvalidInputException("deferralReason", "理由最多 1000 个字符");
		}
		FourEyesPolicy.approval(approver, List.of(filedBy), "暂缓或分期缴纳").orRefuseInput("approvedBy");
		deferredTo = payBy;
		instalments = parts;
		deferralReason = reason.strip();
	}

	/** What remains to pay on that day: the fine and any late charge, less what was paid. */
	public long owed(LocalDate on) {
		return Math.max(0, due(on) - paid());
	}

	private long paid() {
		return paidAmount == null ? 0 : paidAmount;
	}


	/** 结案 */
	public void close(LocalDate today) {
		moveTo(CaseStatus.CLOSED, "结案");
		closedOn = today;
	}

	// ---- derived facts

	/** The last day of the decision: 90 days from 立案 and any extension (APL 60). */
	public LocalDate decisionDue() {
		return openedOn == null ? null : openedOn.plusDays(DECISION_DAYS + extensionDays);
	}

	/**
	 * The last day to state and defend: the working days the body gives (本机关设定), and at least the hearing
	 * window where the hearing right applies.
	 */
	public LocalDate defenceDue(WorkingDays days) {
		if (notifiedOn == null) {
			return null;
		}
		return days.after(notifiedOn, hearingRight() ? Math.max(defenceDays, HEARING_REQUEST_DAYS) : defenceDays);
	}

	/** 行政处罚法第六十四条「当事人要求听证的，应当在行政机关告知后五日内提出」, five working days (第八十五条). */
	public LocalDate hearingRequestDue(WorkingDays days) {
		return notifiedOn == null ? null : days.after(notifiedOn, HEARING_REQUEST_DAYS);
	}

	/** 行政处罚法第六十一条「…应当在七日内依照民事诉讼法的有关规定，将行政处罚决定书送达当事人」, seven working days. */
	public LocalDate deliveryDue(WorkingDays days) {
		return decidedOn == null || status == CaseStatus.NOT_PUNISHED ? null : days.after(decidedOn, DELIVERY_DAYS);
	}

	/** 行政处罚法第六十七条: fifteen (calendar) days from delivery, or the day an approved deferral moved it to (第66条). */
	public LocalDate paymentDue() {
		if (deferredTo != null) {
			return deferredTo;
		}
		return deliveredOn == null ? null : deliveredOn.plusDays(PAYMENT_DAYS);
	}

	/** The no-penalty grounds the officer found to hold (行政处罚法第33条, 免罚清单, 自查自报). */
	public List<DiscretionFactor> groundsHolding() {
		return ticked().stream().filter(f -> f.kind() == DiscretionFactor.Kind.NO_PENALTY).toList();
	}

	/** The facts ticked when the discretion was recorded. */
	public List<DiscretionFactor> ticked() {
		return factors == null ? List.of() : java.util.Arrays.stream(factors).map(DiscretionFactor::valueOf).toList();
	}

	/** Whether the decision needs a passed legal review: a fine of 较大数额, or one outside the proposed band. */
	public boolean legalReviewRequired() {
		return hearingRight() || deviationReason != null;
	}

	/** Whether the fine intended at the discretion is 较大数额 for the threshold given, or outside its band. */
	public boolean legalReviewRequiredFor(long largerAmount) {
		return deviationReason != null || intendedAmount != null && intendedAmount >= largerAmount;
	}

	/** Whether the hearing right applies: the notified fine is 较大数额. */
	public boolean hearingRight() {
		return notifiedAmount != null && notifiedAmount >= hearingThreshold;
	}

	/** 加处罚款 on that day: 3% of the fine for each day after the payment deadline, at most the fine (APL 72). */
	public long lateCharge(LocalDate on) {
		LocalDate due = paymentDue();
		if (due == null || decidedAmount == null || !on.isAfter(due)) {
			return 0;
		}
		long days = ChronoUnit.DAYS.between(due, on);
		return Math.min(decidedAmount, decidedAmount * 3 * days / 100);
	}

	/** What the party owes on that day. */
	public long due(LocalDate on) {
		return decidedAmount == null ? 0 : decidedAmount + lateCharge(on);
	}

	/** The step now running against a deadline, and that deadline; null when none runs. */
	public Deadline deadline(LocalDate today, WorkingDays days) {
		LocalDate due = switch (status) {
			case INVESTIGATING, REVIEWING, LEGAL_REVIEW, NOTIFIED, HEARING, DISCUSSION -> decisionDue();
			case DECIDED -> deliveryDue(days);
			case DELIVERED -> paymentDue();
			default -> null;
		};
		String step = switch (status) {
			case DECIDED -> "送达";
			case DELIVERED -> "缴纳罚款";
			default -> "作出决定";
		};
		return due == null ? null : new Deadline(step, due, today.isAfter(due));
	}

	/** A step's last day and whether it has passed. */
	public record Deadline(String step, LocalDate due, boolean overdue) {
	}

	/** Moves to {@code target} by the act, which only the given states (any that allow the target, when none) take. */
	private void moveTo(CaseStatus target, String act, CaseStatus... from) {
		requireMove(target, act, from);
		status = target;
	}

	/** Refuses, naming both states, a move the case may not make now; changes nothing. */
	private void requireMove(CaseStatus target, String act, CaseStatus... from) {
		boolean fromHere = from.length == 0 || java.util.Arrays.asList(from).contains(status);
		if (!fromHere || !status.allows(target)) {
			throw new InvalidTransitionException(status.name(), target.name(),
					"案件当前为“" + status.label() + "”，不能" + act + "（转为“" + target.label() + "”）");
		}
	}

	private void requireHearingHeld() {
		if (hearingRequestedOn != null && hearingHeldOn == null) {
			throw new InvalidInputException("hearing", "当事人已申请听证，听证举行后才能继续");
		}
	}

	/** A date an act needs, not before the date of the act it follows. */
	private static void requireDate(String field, LocalDate date, LocalDate after, String what, String afterWhat) {
		if (date == null) {
			throw new InvalidInputException(field, "请填写" + what);
		}
		if (after != null && date.isBefore(after)) {
			throw new InvalidInputException(field, what + "不能早于" + afterWhat + "（" + after + "）");
		}
	}

	private static void requireText(String field, String value, String message) {
		if (value == null || value.isBlank()) {
			throw new InvalidInputException(field, message);
		}
	}

	public Long id() {
		return id;
	}

	public long bodyId() {
		return bodyId;
	}

	public String districtCode() {
		return districtCode;
	}

	public String streetCode() {
		return streetCode;
	}

	@Override
	public Integer version() {
		return version;
	}

	public String uscc() {
		return uscc;
	}

	public Party party() {
		return party;
	}

	public String entryId() {
		return entryId;
	}

	public String facts() {
		return facts;
	}

	public CaseStatus status() {
		return status;
	}

	public String filedBy() {
		return filedBy;
	}

	public LocalDate filedOn() {
		return filedOn;
	}

	public String approvedBy() {
		return approvedBy;
	}

	public LocalDate openedOn() {
		return openedOn;
	}

	public Set<String> investigators() {
		return investigators == null ? Set.of() : new LinkedHashSet<>(List.of(investigators));
	}

	public int extensionDays() {
		return extensionDays;
	}

	public String extensionReason() {
		return extensionReason;
	}

	public boolean legalReviewPassed() {
		return legalReviewPassed;
	}

	public String legalReviewer() {
		return legalReviewer;
	}

	public String legalOpinion() {
		return legalOpinion;
	}

	public Long notifiedAmount() {
		return notifiedAmount;
	}

	public LocalDate notifiedOn() {
		return notifiedOn;
	}

	public LocalDate hearingRequestedOn() {
		return hearingRequestedOn;
	}

	public LocalDate hearingNoticeOn() {
		return hearingNoticeOn;
	}

	public LocalDate hearingHeldOn() {
		return hearingHeldOn;
	}

	public String discussionRecord() {
		return discussionRecord;
	}

	public Long decidedAmount() {
		return decidedAmount;
	}

	public LocalDate decidedOn() {
		return decidedOn;
	}

	public String decidedBy() {
		return decidedBy;
	}

	public FourReasons reasons() {
		return reasons;
	}

	public String noPenaltyGround() {
		return noPenaltyGround;
	}

	public String transferredTo() {
		return transferredTo;
	}

	public LocalDate deliveredOn() {
		return deliveredOn;
	}

	public LocalDate paidOn() {
		return paidOn;
	}

	public Long paidAmount() {
		return paidAmount;
	}

	public LocalDate closedOn() {
		return closedOn;
	}

	public CaseOrigin origin() {
		return origin;
	}

	public Long originId() {
		return originId;
	}

	public int evidenceCount() {
		return evidenceCount;
	}

	public LocalDate assessedOn() {
		return assessedOn;
	}

	public Band band() {
		return band;
	}

	public Long bandMin() {
		return bandMin;
	}

	public Long bandMax() {
		return bandMax;
	}

	public Long proposedAmount() {
		return proposedAmount;
	}

	public Long intendedAmount() {
		return intendedAmount;
	}

	public String deviationReason() {
		return deviationReason;
	}

	public String defence() {
		return defence;
	}

	public LocalDate defenceOn() {
		return defenceOn;
	}

	public boolean defenceOnline() {
		return defenceOnline;
	}

	public boolean defenceWaived() {
		return defenceWaived;
	}

	/** Who stated or waived the defence: the enterprise's user online, or the officer who recorded it. */
	public String defenceBy() {
		return defenceBy;
	}

	public int defenceDays() {
		return defenceDays;
	}

	public Procedure procedure() {
		return procedure;
	}

	public LocalDate actEndedOn() {
		return actEndedOn;
	}

	public LocalDate discoveredOn() {
		return discoveredOn;
	}

	public boolean harmedLife() {
		return harmedLife;
	}

	public Long handedOverBy() {
		return handedOverBy;
	}

	public LocalDate deferredTo() {
		return deferredTo;
	}

	public int instalments() {
		return instalments;
	}

	public String deferralReason() {
		return deferralReason;
	}
}
