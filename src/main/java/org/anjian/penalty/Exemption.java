package org.anjian.penalty;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A row of the city's exempt list (免罚清单, 自查自报不罚): the catalogue entry it exempts, the violation it covers in
 * words, the conditions that must all hold in the case, where the row comes from and whether that was checked
 * ({@link SourceStatus#UNVERIFIED} rows are flagged). A withdrawn row is kept but no longer applies.
 */
public record Exemption(long id, String entryId, ExemptionGround ground, Set<ExemptionCondition> conditions,
		String covers, String note, String source, SourceStatus status, String addedBy, OffsetDateTime addedAt,
		String withdrawnBy, OffsetDateTime withdrawnAt, String withdrawalReason, int version) {

	public Exemption {
		conditions = Set.copyOf(conditions);
	}

	public boolean inForce() {
		return withdrawnAt == null;
	}

	/** The conditions in words, in their fixed order: 初次违法、危害后果轻微、及时改正. */
	public String conditionsText() {
		return java.util.Arrays.stream(ExemptionCondition.values())
			.filter(conditions::contains)
			.map(ExemptionCondition::label)
			.collect(Collectors.joining("、"));
	}

	/** Whether the row applies to a case in which the given conditions hold. */
	public boolean appliesWhen(Set<ExemptionCondition> holding) {
		return inForce() && holding.containsAll(conditions);
	}
}
