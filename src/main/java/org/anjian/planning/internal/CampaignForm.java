package org.anjian.planning.internal;

import java.util.List;

/** A special campaign as its authors enter it; {@link PlanCampaigns#add} checks every field. */
public record CampaignForm(String name, List<String> sectors, List<String> industryPrefixes, List<String> riskTags,
		List<String> streetCodes, Integer startsMonth, Integer endsMonth, List<String> matters) {
}
