package org.anjian.penalty.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.penalty.CaseStatus;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.DiscretionPolicy;
import org.anjian.penalty.FourReasons;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.StatutoryRange;
import org.anjian.penalty.Yuan;
import org.anjian.shared.WorkingDays;
import org.anjian.shared.Allowance;

/**
 * The case-file review (案卷评查) as a pure rule. For one closed case it computes the points its own data decides —
 * the deadlines kept (行政处罚法第60条: decision within 90 days of 立案 and any approved extension; 第61条: delivery
 * within 7 days; 第64条: a hearing noticed 7 days ahead; 第67条: payment within 15 days of delivery), the four reasons
 * given (四理说清), the fine inside the statutory range — and, from the reviewer's ticks, the documents of the file,
 * each where the case requires it (法制审核意见 for a major case, 集体讨论记录 for a fine of 5万元 or more or where a
 * discussion was held). Each point passes, fails with a reason in words, or does not apply to the case (a case not
 * punished is not delivered a fine, one transferred has no decision). It also says which cases are major (all
 * reviewed) and who may review a case (no one who filed, investigated or decided it).
 */
public final class CaseFileReviewPolicy {

	private CaseFileReviewPolicy() {
	}

	/** What the reviewer found of one document: in the file or not, with a note. */
	public record Tick(boolean present, String note) {
	}

	/** The whole checklist in the order of {@link ReviewPoint}: computed points and the reviewer's ticks. */
	public static List<Finding> checklist(PenaltyCase c, CatalogueEntry entry, Map<ReviewPoint, Tick> ticks,
			WorkingDays days) {
		List<Finding> findings = new ArrayList<>(documents(c, ticks));
		findings.addAll(computed(c, entry, days));
		return findings;
	}

	/** The points the case's own dates and text decide: deadlines, reasons, discretion. */
	public static List<Finding> computed(PenaltyCase c, CatalogueEntry entry, WorkingDays days) {
		List<Finding> findings = new ArrayList<>();
		findings.add(decidedInTime(c));
		findings.add(deliveredInTime(c, days));
		findings.add(hearingNoticedInTime(c, days));
		findings.add(paidInTime(c));
		findings.addAll(reasons(c));
		findings.add(withinRange(c, entry));
		return findings;
	}

	/** The documents the file of this case must hold. */
	public static Set<ReviewPoint> documentsRequired(PenaltyCase c) {
		Set<ReviewPoint> required = EnumSet.of(ReviewPoint.FILING_FORM, ReviewPoint.EVIDENCE, ReviewPoint.CLOSING_FORM);
		if (c.notifiedOn() != null) {
			required.add(ReviewPoint.NOTICE);
		}
		if (c.hearingRight() || c.legalReviewer() != null) {
			required.add(ReviewPoint.LEGAL_OPINION);
		}
		if (c.discussionRecord() != null
				|| c.decidedAmount() != null && c.decidedAmount() >= PenaltyCase.COLLECTIVE_DISCUSSION_YUAN) {
			required.add(ReviewPoint.DISCUSSION_RECORD);
		}
		if (c.decidedOn() != null) {
			required.add(ReviewPoint.DECISION);
		}
		if (c.decidedAmount() != null || c.deliveredOn() != null) {
			required.add(ReviewPoint.DELIVERY_RECEIPT);
		}
		return required;
	}

	/** The documents as ticked: a required one not ticked fails, naming what the file lacks. */
	public static List<Finding> documents(PenaltyCase c, Map<ReviewPoint, Tick> ticks) {
		Set<ReviewPoint> required = documentsRequired(c);
		List<Finding> findings = new ArrayList<>();
		for (ReviewPoint point : ReviewPoint.values()) {
			if (!point.ticked()) {
				continue;
			}
			Tick tick = ticks.getOrDefault(point, new Tick(false, null));
			String note = tick.note() == null ? "" : tick.note().strip();
			if (!required.contains(point)) {
				findings.add(Finding.notApplicable(point, note.isEmpty() ? "本案不需要" : note));
			}
			else if (tick.present()) {
				findings.add(Finding.passed(point, note));
			}
			else {
				findings.add(Finding.failed(point, note.isEmpty() ? "案卷缺少" + point.label() : note));
			}
		}
		return findings;
	}

	/** 行政处罚法第60条: the decision within 90 days of 立案, plus the approved extension. */
	static Finding decidedInTime(PenaltyCase c) {
		ReviewPoint point = ReviewPoint.DECIDED_IN_TIME;
		if (c.decidedOn() == null || c.openedOn() == null) {
			return Finding.notApplicable(point, "案件已移送，未作出决定");
		}
		LocalDate due = c.decisionDue();
		String limit = "立案" + c.openedOn() + "，办案期限至" + due
				+ (c.extensionDays() > 0 ? "（含批准延长" + c.extensionDays() + "日）" : "");
		if (c.decidedOn().isAfter(due)) {
			return Finding.failed(point, limit + "，" + c.decidedOn() + "才作出决定，超期" + days(due, c.decidedOn())
					+ "日（行政处罚法第60条）");
		}
		return Finding.passed(point, limit + "，" + c.decidedOn() + "作出决定");
	}

	/** 行政处罚法第61条: the decision delivered within 7 days, working days (第85条). */
	static Finding deliveredInTime(PenaltyCase c, WorkingDays days) {
		ReviewPoint point = ReviewPoint.DELIVERED_IN_TIME;
		if (c.decidedAmount() == null) {
			return Finding.notApplicable(point, "未作出罚款决定");
		}
		if (c.deliveredOn() == null) {
			return Finding.failed(point, "未登记处罚决定书的送达日期");
		}
		LocalDate due = c.deliveryDue(days);
		if (c.deliveredOn().isAfter(due)) {
			return Finding.failed(point, c.decidedOn() + "作出决定，" + c.deliveredOn() + "才送达，超过" + PenaltyCase.DELIVERY_DAYS
					+ "个工作日的送达期限（至" + due + "，行政处罚法第61条、第85条）");
		}
		return Finding.passed(point, c.decidedOn() + "作出决定，" + c.deliveredOn() + "送达");
	}

	/** 行政处罚法第64条: the hearing noticed 7 (working) days before it was held, where one was held. */
	static Finding hearingNoticedInTime(PenaltyCase c, WorkingDays days) {
		ReviewPoint point = ReviewPoint.HEARING_NOTICED_IN_TIME;
		if (c.hearingHeldOn() == null) {
			return Finding.notApplicable(point, c.hearingRequestedOn() == null ? "未举行听证" : "申请了听证但未登记举行日期");
		}
		if (c.hearingNoticeOn() == null) {
			return Finding.failed(point, "举行听证（" + c.hearingHeldOn() + "）前未登记通知日期");
		}
		LocalDate earliest = days.after(c.hearingNoticeOn(), PenaltyCase.HEARING_NOTICE_DAYS);
		if (c.hearingHeldOn().isBefore(earliest)) {
			return Finding.failed(point, c.hearingNoticeOn() + "通知，" + c.hearingHeldOn() + "举行，提前不足"
					+ PenaltyCase.HEARING_NOTICE_DAYS + "个工作日（最早" + earliest + "，行政处罚法第64条、第85条）");
		}
		return Finding.passed(point, c.hearingNoticeOn() + "通知，" + c.hearingHeldOn() + "举行");
	}

	/** 行政处罚法第67条: the fine paid within 15 days of delivery (later, with the late charge of 第72条). */
	static Finding paidInTime(PenaltyCase c) {
		ReviewPoint point = ReviewPoint.PAID_IN_TIME;
		if (c.decidedAmount() == null) {
			return Finding.notApplicable(point, "未作出罚款决定");
		}
		if (c.paidOn() == null || c.deliveredOn() == null) {
			return Finding.failed(point, "未登记缴纳罚款");
		}
		long day = days(c.deliveredOn(), c.paidOn());
		if (day > PenaltyCase.PAYMENT_DAYS) {
			long charge = c.lateCharge(c.paidOn());
			boolean collected = c.paidAmount() != null && c.paidAmount() >= c.decidedAmount() + charge;
			return Finding.failed(point, c.deliveredOn() + "送达，第" + day + "日（" + c.paidOn() + "）才缴纳，超过"
					+ PenaltyCase.PAYMENT_DAYS + "日（行政处罚法第67条）；加处罚款" + Yuan.of(charge)
					+ (collected ? "已收缴" : "未足额收缴"));
		}
		return Finding.passed(point, c.deliveredOn() + "送达，" + c.paidOn() + "缴纳" + Yuan.of(c.paidAmount()));
	}

	/** 四理说清: each reason of the decision written; a decision not to punish gives its ground and the education. */
	static List<Finding> reasons(PenaltyCase c) {
		ReviewPoint[] points = { ReviewPoint.REASON_FACTS, ReviewPoint.REASON_LAW, ReviewPoint.REASON_DISCRETION,
				ReviewPoint.REASON_DEFENCE };
		List<Finding> findings = new ArrayList<>();
		if (c.decidedAmount() == null) {
			boolean notPunished = c.noPenaltyGround() != null;
			for (ReviewPoint point : points) {
				if (notPunished && point == ReviewPoint.REASON_LAW) {
					findings.add(c.noPenaltyGround().isBlank() ? Finding.failed(point, "不予处罚决定未写明依据")
							: Finding.passed(point, "不予处罚的依据和教育：" + excerpt(c.noPenaltyGround())));
				}
				else {
					findings.add(Finding.notApplicable(point, notPunished ? "不予处罚决定" : "未作出处罚决定"));
				}
			}
			return findings;
		}
		FourReasons why = c.reasons();
		String[] texts = why == null ? new String[4] : new String[] { why.facts(), why.law(), why.discretion(), why.defence() };
		for (int i = 0; i < points.length; i++) {
			String text = texts[i];
			findings.add(text == null || text.isBlank()
					? Finding.failed(points[i], "处罚决定未" + points[i].label().replaceFirst("^说明", "写明"))
					: Finding.passed(points[i], excerpt(text)));
		}
		return findings;
	}

	/** The decided fine inside the statutory range of its catalogue entry. */
	static Finding withinRange(PenaltyCase c, CatalogueEntry entry) {
		ReviewPoint point = ReviewPoint.WITHIN_RANGE;
		if (c.decidedAmount() == null) {
			return Finding.notApplicable(point, "未作出罚款决定");
		}
		StatutoryRange range = StatutoryRange.of(entry);
		Allowance inside = DiscretionPolicy.amount(entry, range, c.decidedAmount());
		if (inside.refused()) {
			return Finding.failed(point, inside.reason());
		}
		return Finding.passed(point, "罚款" + Yuan.of(c.decidedAmount()) + "，" + range.basis());
	}

	/**
	 * Whether the case is major and so always reviewed: a fine of the hearing level (the hearing right was told), a
	 * fine of the settings' amount or more, or a legal review held.
	 */
	public static boolean major(PenaltyCase c, ReviewSettings settings) {
		return majorBecause(c, settings) != null;
	}

	/** Why the case is major, in words; null when it is not. */
	public static String majorBecause(PenaltyCase c, ReviewSettings settings) {
		if (c.hearingRight()) {
			return "达到听证数额的罚款";
		}
		Long amount = c.decidedAmount() != null ? c.decidedAmount() : c.notifiedAmount();
		if (amount != null && amount >= settings.majorFineYuan()) {
			return "罚款" + Yuan.of(settings.majorFineYuan()) + "以上（本机关设定）";
		}
		if (c.legalReviewer() != null) {
			return "经法制审核";
		}
		return null;
	}

	/** A case is reviewed once it is closed. */
	public static Allowance reviewable(PenaltyCase c) {
		if (c.status() != CaseStatus.CLOSED) {
			return Allowance.refused("案件当前为“" + c.status().label() + "”，结案后才能评查案卷");
		}
		return Allowance.granted();
	}

	/** The reviewer neither filed, investigated nor decided the case. */
	public static Allowance reviewer(String reviewer, PenaltyCase c) {
		Map<String, String> roles = new java.util.LinkedHashMap<>();
		roles.put(c.filedBy(), "立案申请人");
		c.investigators().forEach(name -> roles.putIfAbsent(name, "调查人员"));
		if (c.decidedBy() != null) {
			roles.putIfAbsent(c.decidedBy(), "决定人");
		}
		String role = reviewer == null ? null : roles.get(reviewer);
		if (role != null) {
			return Allowance.refused("您是本案的" + role + "：案卷须由未参与立案、调查和决定的人员评查");
		}
		return Allowance.granted();
	}

	/** The score: the share of the applicable points passed, in whole percent (all points inapplicable: 100). */
	public static int score(List<Finding> findings) {
		long applicable = findings.stream().filter(Finding::applicable).count();
		long passed = findings.stream().filter(f -> f.outcome() == Finding.Outcome.PASSED).count();
		return applicable == 0 ? 100 : (int) (passed * 100 / applicable);
	}

	/** The findings by point, for a form. */
	public static Map<ReviewPoint, Finding> byPoint(List<Finding> findings) {
		Map<ReviewPoint, Finding> byPoint = new EnumMap<>(ReviewPoint.class);
		findings.forEach(f -> byPoint.put(f.point(), f));
		return byPoint;
	}

	private static long days(LocalDate from, LocalDate to) {
		return ChronoUnit.DAYS.between(from, to);
	}

	private static String excerpt(String text) {
		String line = text.strip().replaceAll("\\s+", " ");
		return line.length() <= 60 ? line : line.substring(0, 60) + "…";
	}
}
