package org.anjian.hazard.internal;

import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardStatus;
import org.anjian.shared.Allowance;
import org.springframework.stereotype.Component;

/** When a listed hazard may be delisted (摘牌): only after its re-inspection verified it removed (复查销号). */
@Component
public class DelistingPolicy {

	public Allowance check(Hazard hazard) {
		if (hazard.status() != HazardStatus.VERIFIED) {
			return Allowance.refused("隐患尚未复查销号，不能摘牌");
		}
		return Allowance.granted();
	}
}
