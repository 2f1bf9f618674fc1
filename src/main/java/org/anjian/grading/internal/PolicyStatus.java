package org.anjian.grading.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a version of the scoring policy stands.
 *
 * <pre>
 * DRAFT ──activate──▶ ACTIVE ──(next version activated)──▶ RETIRED
 * </pre>
 *
 * Only a draft is edited; only one version is active at a time; a retired version is kept as it was.
 */
public enum PolicyStatus {

	DRAFT, ACTIVE, RETIRED;

	public Set<PolicyStatus> next() {
		switch (this) {
			case DRAFT:
				return EnumSet.of(ACTIVE);
			case ACTIVE:
				return EnumSet.of(RETIRED);
			default:
				return EnumSet.noneOf(PolicyStatus.class);
		}
	}

	public boolean canBecome(PolicyStatus target) {
		return next().contains(target);
	}
}
