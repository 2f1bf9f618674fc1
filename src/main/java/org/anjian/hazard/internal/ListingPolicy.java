package org.anjian.hazard.internal;

import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardStatus;
import org.anjian.shared.Allowance;
import org.anjian.shared.JurisdictionLevel;
import org.springframework.stereotype.Component;

/**
 * Who may list which hazard for supervision (挂牌督办): only a major hazard (重大事故隐患) not yet verified closed, one
 * active listing at a time, and at a level no higher than the listing officer's own jurisdiction (a district brigade
 * does not list in the city's name).
 */
@Component
public class ListingPolicy {

	public Allowance check(Hazard hazard, boolean alreadyListed, ListingLevel level, JurisdictionLevel listersLevel) {
		if (!hazard.major()) {
			return Allowance.refused("该隐患为一般事故隐患，只有重大事故隐患可以挂牌督办");
		}
		if (hazard.status() == HazardStatus.VERIFIED) {
			return Allowance.refused("该隐患已复查销号，无需挂牌督办");
		}
		if (alreadyListed) {
			return Allowance.refused("该隐患已在挂牌督办中，不能重复挂牌");
		}
		if (level == null) {
			return Allowance.refused("请选择督办层级（市级、区级或街镇级）");
		}
		ListingLevel own = ListingLevel.of(listersLevel);
		if (level.above(own)) {
			return Allowance.refused(own.label() + "执法人员不能以" + level.label() + "挂牌督办（最高为" + own.label() + "）");
		}
		return Allowance.granted();
	}
}
