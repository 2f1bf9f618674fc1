package org.anjian.penalty.web;

import java.util.EnumSet;
import java.util.Set;

import org.anjian.penalty.CaseStatus;

/**
 * The case lists people work from: an officer's open cases, what waits for a leader's approval (立案, 决定), what waits
 * for the legal reviewer, and the closed ones.
 */
enum CaseQueue {

	OPEN(EnumSet.of(CaseStatus.FILED, CaseStatus.INVESTIGATING, CaseStatus.REVIEWING, CaseStatus.LEGAL_REVIEW,
			CaseStatus.NOTIFIED, CaseStatus.HEARING, CaseStatus.DISCUSSION, CaseStatus.DECIDED, CaseStatus.DELIVERED,
			CaseStatus.EXECUTED, CaseStatus.NOT_PUNISHED, CaseStatus.TRANSFERRED)),
	APPROVAL(EnumSet.of(CaseStatus.FILED, CaseStatus.NOTIFIED, CaseStatus.HEARING, CaseStatus.DISCUSSION)),
	REVIEW(EnumSet.of(CaseStatus.LEGAL_REVIEW)),
	ENDED(EnumSet.of(CaseStatus.CLOSED, CaseStatus.DROPPED)),
	ALL(EnumSet.allOf(CaseStatus.class));

	private final Set<CaseStatus> states;

	CaseQueue(Set<CaseStatus> states) {
		this.states = states;
	}

	Set<CaseStatus> states() {
		return states;
	}

	static CaseQueue of(String name) {
		if (name == null || name.isBlank()) {
			return ALL;
		}
		for (CaseQueue queue : values()) {
			if (queue.name().equalsIgnoreCase(name.strip())) {
				return queue;
			}
		}
		throw new org.anjian.shared.InvalidInputException("queue", "案件清单“" + name + "”不存在");
	}
}
