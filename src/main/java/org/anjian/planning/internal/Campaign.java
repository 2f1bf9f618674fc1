package org.anjian.planning.internal;

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

	/**
	 * Whether an enterprise with these facts falls under the campaign; an empty condition holds for all. An industry
	 * prefix is matched against the division code (34) and against it with its section letter (C34), so that a
	 * prefix may name a section (C), a division (34 or C34) or anything between.
	 */
	public boolean targets(String sector, String industrySection, String industryDivision, Set<String> tags,
			String streetCode) {
		String qualified = industrySection == null || industryDivision == null ? null : industrySection + industryDivision;
		return (sectors.isEmpty() || sectors.contains(sector))
				&& (industryPrefixes.isEmpty() || industryPrefixes.stream()
					.anyMatch(p -> industryDivision != null && industryDivision.startsWith(p)
							|| qualified != null && qualified.startsWith(p)))
				&& (riskTags.isEmpty() || riskTags.stream().anyMatch(tags::contains))
				&& (streetCodes.isEmpty() || streetCodes.contains(streetCode));
	}
}
