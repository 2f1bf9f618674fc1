package org.anjian.hazard.internal;

import java.util.Set;

/**
 * Where a notice to another department (抄告) stands.
 *
 * <pre>
 *   SENT (待回复) ──reply recorded by an officer──▶ REPLIED (已回复)
 *     └─ past its reply-by day without a reply: shown as awaiting reply, overdue (derived, not stored)
 * </pre>
 */
public enum NoticeStatus {

	SENT("待回复"), REPLIED("已回复");

	private final String label;

	NoticeStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public Set<NoticeStatus> next() {
		switch (this) {
			case SENT:
				return Set.of(REPLIED);
			default:
				return Set.of();
		}
	}

	public boolean allows(NoticeStatus target) {
		return next().contains(target);
	}
}
