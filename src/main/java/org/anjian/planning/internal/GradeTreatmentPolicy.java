package org.anjian.planning.internal;

import org.anjian.grading.Grade;
import org.anjian.shared.Allowance;

/**
 * How an enterprise's risk grade treats it in the annual plan beyond key units, special campaigns and the general
 * draw (seed 003): A 全量体检 — every one inspected; B 重点抽查 — a sample drawn; C 主动帮扶 — assistance visits
 * drawn; D 无事不扰 — nothing beyond the general draw, like an enterprise not graded yet. An enterprise whose group
 * reported its own supervision in the last 12 months is left out of the grade's treatment, and out of a special
 * campaign's own items unless it is a key unit. A pure rule: the caller loads the grade and the group's reports.
 */
public final class GradeTreatmentPolicy {

	/** What each grade asks of the plan: planned outright, drawn for a sample or assistance, or left alone. */
	public enum Treatment {

		/** A 全量体检: planned outright as a targeted check. */
		FULL_CHECK(Grade.A, null),
		/** B 重点抽查: a share drawn from the grade's enterprises (the plan's B sample rate). */
		SAMPLE(Grade.B, "B_SAMPLE"),
		/** C 主动帮扶: a share drawn for assistance visits (the plan's C rate). */
		ASSISTANCE(Grade.C, "C_ASSISTANCE"),
		/** D 无事不扰: nothing beyond the general draw. */
		NONE(Grade.D, null);

		private final Grade grade;

		private final String drawPurpose;

		Treatment(Grade grade, String drawPurpose) {
			this.grade = grade;
			this.drawPurpose = drawPurpose;
		}

		/** The treatment a grade asks for. */
		public static Treatment of(Grade grade) {
			for (Treatment treatment : values()) {
				if (treatment.grade == grade) {
					return treatment;
				}
			}
			throw new IllegalArgumentException("no treatment for grade " + grade);
		}

		/** The purpose an item of this treatment carries, e.g. B级重点抽查. */
		public String purpose() {
			return grade.label() + grade.treatment();
		}

		/** The purpose recorded on the draw of a drawn treatment; null for one that draws nothing. */
		public String drawPurpose() {
			return drawPurpose;
		}
	}

	/** The treatment of one enterprise, with the purpose its item carries or the reason it gets none. */
	public record Decision(Treatment treatment, String reason) {

		/** Whether the grade plans or draws the enterprise at all. */
		public boolean targeted() {
			return treatment != Treatment.NONE;
		}
	}

	private GradeTreatmentPolicy() {
	}

	/**
	 * The treatment the grade gives; {@code grade} is null for an enterprise not graded yet, {@code groupSupervised}
	 * whether its group reported its own supervision in the last 12 months. A targeted decision's reason is the
	 * purpose of its item (A级全量体检, B级重点抽查, C级主动帮扶).
	 */
	public static Decision treatment(Grade grade, boolean groupSupervised) {
		if (grade == null) {
			return new Decision(Treatment.NONE, "尚未评级，仅参加双随机一般检查");
		}
		Treatment treatment = Treatment.of(grade);
		if (treatment == Treatment.NONE) {
			return new Decision(Treatment.NONE, treatment.purpose() + "，仅参加双随机一般检查");
		}
		if (groupSupervised) {
			return new Decision(Treatment.NONE, "所属集团近12个月报告了自查自纠，不列入" + treatment.purpose());
		}
		return new Decision(treatment, treatment.purpose());
	}

	/**
	 * Whether a special campaign plans an enterprise it targets that nothing else planned: not one whose group
	 * reported its own supervision in the last 12 months, unless it is a key unit.
	 */
	public static Allowance campaignItem(boolean groupSupervised, boolean keyUnit) {
		return groupSupervised && !keyUnit ? Allowance.refused("所属集团近12个月报告了自查自纠，不单独列入专项检查")
				: Allowance.granted();
	}
}
