package org.anjian.planning;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * A special campaign (专项检查) of a plan: which of the body's enterprises it targets — all of its non-empty
 * conditions must hold (sector, industry code prefix, a shared risk tag, street) — the months it runs, and the
 * matters it adds to their inspections. {@code items} is how many items of the plan carry it.
 */
public record Campaign(long id, long planId, String name, List<String> sectors, List<String> industryPrefixes,
		List<String> riskTags, List<String> streetCodes, int startsMonth, int endsMonth, List<String> matters,
		String createdBy, Instant createdAt, int items) {

	/** Whether an enterprise with these facts falls under the campaign; an empty condition holds for all. */
	public boolean targets(String sector, String industryCode, Set<String> tags, String streetCode) {
		return (sectors.isEmpty() || sectors.contains(sector))
				&& (industryPrefixes.isEmpty()
						|| industryCode != null && industryPrefixes.stream().anyMatch(industryCode::startsWith))
				&& (riskTags.isEmpty() || riskTags.stream().anyMatch(tags::contains))
				&& (streetCodes.isEmpty() || streetCodes.contains(streetCode));
	}
}
