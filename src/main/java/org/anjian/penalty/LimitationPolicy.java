package org.anjian.penalty;

import java.time.LocalDate;

import org.anjian.shared.Allowance;

/**
 * 行政处罚法第36条「违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至五年。…
 * 期限从违法行为发生之日起计算；违法行为有连续或者继续状态的，从行为终了之日起计算。」
 */
public final class LimitationPolicy {

	private LimitationPolicy() {
	}

	/**
	 * Whether an act that ended on {@code actEndedOn} and was discovered on {@code discoveredOn} may still be punished;
	 * {@code harmedLifeOrHealth} when it touched life and health and had harmful consequences.
	 */
	public static Allowance punishable(LocalDate actEndedOn, LocalDate discoveredOn, boolean harmedLifeOrHealth) {
		int years = harmedLifeOrHealth ? 5 : 2;
		LocalDate last = actEndedOn.plusYears(years);
		if (discoveredOn.isAfter(last)) {
			return Allowance.refused("违法行为自" + actEndedOn + "终了，" + years + "年内（至" + last + "）未被发现，不再给予行政处罚（行政处罚法第36条）");
		}
		return Allowance.granted();
	}
}
