package org.anjian.penalty;

import org.anjian.shared.Allowance;

/**
 * 当场处罚（简易程序）: 行政处罚法第51条「违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的
 * 行政处罚的，可以当场作出行政处罚决定」. The older 办法第21条 amounts (50/1000 yuan) give way to the higher law.
 */
public final class SimpleProcedurePolicy {

	public static final long UNIT_YUAN = 3_000;
	public static final long PERSON_YUAN = 200;

	private SimpleProcedurePolicy() {
	}

	public static Allowance onTheSpot(Party party, long amount) {
		long limit = party == Party.UNIT ? UNIT_YUAN : PERSON_YUAN;
		if (amount > limit) {
			return Allowance.refused("当场处罚仅适用于对" + (party == Party.UNIT ? "单位" : "个人") + "处" + Yuan.of(limit)
					+ "以下罚款（行政处罚法第51条）；" + Yuan.of(amount) + "须适用一般程序");
		}
		return Allowance.granted();
	}
}
