package org.anjian.planning;

import java.util.List;

/**
 * A planned inspection: the enterprise, why it is planned ({@link ItemKind}, grade, purpose), the matters to
 * inspect, whether it is a second inspection in the year (with its reason), and for the city's supervisory spot
 * checks whether it is done jointly ({@code joint}) or, in the district plan, which city item it shares
 * ({@code jointOf}: not counted again in the district plan), and the special campaign ({@code campaignId}) that
 * added its matters, if any.
 */
public record PlanItem(long id, long planId, String uscc, String enterpriseName, ItemKind kind, String grade,
		String purpose, List<String> matters, int sequence, String secondReason, boolean joint, Long jointOf,
		Long drawId, Long campaignId) {

	/** Whether this item counts as an inspection of its plan (a shared spot check counts in the city plan). */
	public boolean counted() {
		return jointOf == null;
	}

	/** Why it is planned, as every page counts and labels it. */
	public ItemCategory category() {
		return ItemCategory.of(this);
	}
}
