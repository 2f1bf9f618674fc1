package org.anjian.penalty.web;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.anjian.penalty.CaseStatus;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.Yuan;
import org.anjian.shared.WorkingDays;
import org.anjian.shared.InvalidTransitionException;

/**
 * A penalty case as its enterprise reads it on a given day: the article, the amount told or decided, the deadlines
 * running for the enterprise now (its defence, its hearing request, its payment) with the days left or overdue, what
 * it owes that day, and the documents served on it so far. Every date comes from the case ({@link PenaltyCase}).
 */
record OwnCase(PenaltyCase penaltyCase, CatalogueEntry entry, List<Step> deadlines, List<Served> documents,
		LocalDate today) {

	/**
	 * A deadline the enterprise keeps: which ({@code defence}, {@code hearing}, {@code payment}: the last part of its
	 * message key), its last day, and how it stands that day.
	 */
	record Step(String name, LocalDate due, long daysLeft) {

		public boolean overdue() {
			return daysLeft < 0;
		}

		public long daysOverdue() {
			return -daysLeft;
		}

		/** Due within the days a reminder comes before (or already past). */
		public boolean soon(int remindDays) {
			return daysLeft <= remindDays;
		}
	}

	/**
	 * A document served on the enterprise: its kind (its address), its name (the last part of its message key) and
	 * the day of its act.
	 */
	record Served(String kind, String name, LocalDate on) {
	}

	static OwnCase of(PenaltyCase c, CatalogueEntry entry, LocalDate today, WorkingDays days) {
		return new OwnCase(c, entry, deadlines(c, today, days), documents(c, today), today);
	}

	/** The deadlines running now for the enterprise, the nearest first. */
	static List<Step> deadlines(PenaltyCase c, LocalDate today, WorkingDays days) {
		List<Step> steps = new ArrayList<>();
		if (defenceOpen(c) && c.defence() == null && !c.defenceWaived() && c.defenceDue(days) != null) {
			steps.add(step("defence", c.defenceDue(days), today));
		}
		if (c.status() == CaseStatus.NOTIFIED && c.hearingRight() && c.hearingRequestedOn() == null
				&& c.hearingRequestDue(days) != null) {
			steps.add(step("hearing", c.hearingRequestDue(days), today));
		}
		if (c.status() == CaseStatus.DELIVERED && c.paymentDue() != null) {
			steps.add(step("payment", c.paymentDue(), today));
		}
		steps.sort(java.util.Comparator.comparing(Step::due));
		return List.copyOf(steps);
	}

	/**
	 * The documents served so far, each once its act has happened: the notice (and the hearing notice where the
	 * hearing right applies), the decision or the decision not to punish, the delivery receipt, and the payment
	 * reminder once the payment deadline passed unpaid.
	 */
	static List<Served> documents(PenaltyCase c, LocalDate today) {
		List<Served> served = new ArrayList<>();
		if (c.notifiedOn() != null) {
			served.add(new Served("notice", "notice", c.notifiedOn()));
			if (c.hearingRight()) {
				served.add(new Served("hearing-notice", "hearingNotice", c.notifiedOn()));
			}
		}
		if (c.decidedOn() != null && c.decidedAmount() != null) {
			served.add(new Served("decision", "decision", c.decidedOn()));
		}
		if (c.decidedOn() != null && c.noPenaltyGround() != null) {
			served.add(new Served("no-penalty-decision", "noPenaltyDecision", c.decidedOn()));
		}
		if (c.deliveredOn() != null) {
			served.add(new Served("delivery-receipt", "deliveryReceipt", c.deliveredOn()));
		}
		LocalDate paymentDue = c.paymentDue();
		if (paymentDue != null && (c.paidOn() == null ? today.isAfter(paymentDue) : c.paidOn().isAfter(paymentDue))) {
			served.add(new Served("payment-reminder", "paymentReminder", paymentDue.plusDays(1)));
		}
		return List.copyOf(served);
	}

	/**
	 * Refuses, before the version the page read is compared, a defence the case no longer takes, naming its state
	 * and the deadline that ran: the enterprise reading a page from before the decision learns why, not only that the
	 * case changed. (The case itself refuses the same.)
	 */
	static void requireDefenceOpen(PenaltyCase c, String act, WorkingDays days) {
		if (defenceOpen(c)) {
			return;
		}
		String deadline = c.defenceDue(days) == null ? "" : "陈述申辩期限至" + c.defenceDue(days) + "，";
		String decided = c.decidedOn() == null ? "" : "执法机关已于" + c.decidedOn() + "作出决定，";
		throw new InvalidTransitionException(c.status().name(), CaseStatus.NOTIFIED.name(),
				"案件当前为“" + c.status().label() + "”：" + deadline + decided + "不能再" + act + "（告知后、决定前才能）");
	}

	static boolean defenceOpen(PenaltyCase c) {
		return c.status() == CaseStatus.NOTIFIED || c.status() == CaseStatus.HEARING;
	}

	private static Step step(String name, LocalDate due, LocalDate today) {
		return new Step(name, due, ChronoUnit.DAYS.between(today, due));
	}

	/** The deadline running now that comes first, or null. */
	public Step deadline() {
		return deadlines.isEmpty() ? null : deadlines.get(0);
	}

	/** Whether the enterprise may still state its defence online, or waive it. */
	public boolean canStateDefence() {
		return defenceOpen(penaltyCase) && penaltyCase.defence() == null && !penaltyCase.defenceWaived();
	}

	/** Decided with a fine (not the decision not to punish). */
	public boolean fined() {
		return penaltyCase.decidedAmount() != null;
	}

	public boolean notPunished() {
		return penaltyCase.noPenaltyGround() != null;
	}

	/** The amount decided, or else the amount told, in words; null before either. */
	public String amount() {
		Long amount = penaltyCase.decidedAmount() != null ? penaltyCase.decidedAmount() : penaltyCase.notifiedAmount();
		return amount == null ? null : Yuan.of(amount);
	}

	public String notifiedAmount() {
		return penaltyCase.notifiedAmount() == null ? null : Yuan.of(penaltyCase.notifiedAmount());
	}

	public String decidedAmount() {
		return penaltyCase.decidedAmount() == null ? null : Yuan.of(penaltyCase.decidedAmount());
	}

	/** Still to pay: the fine was delivered and is not yet paid. */
	public boolean owing() {
		return penaltyCase.status() == CaseStatus.DELIVERED;
	}

	/** What the enterprise owes today: the fine and any late charge (加处罚款). */
	public String owedToday() {
		return Yuan.of(penaltyCase.due(today));
	}

	public String lateChargeToday() {
		return Yuan.of(penaltyCase.lateCharge(today));
	}

	public boolean lateCharged() {
		return penaltyCase.lateCharge(today) > 0;
	}

	public String paidAmount() {
		return penaltyCase.paidAmount() == null ? null : Yuan.of(penaltyCase.paidAmount());
	}
}
