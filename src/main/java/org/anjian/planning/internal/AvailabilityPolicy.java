package org.anjian.planning.internal;

import java.util.Objects;

import org.anjian.organization.Officer;
import org.anjian.shared.Allowance;

/**
 * Who records an officer's conflicts of interest (回避) and absences: a leader or administrator for the officers of
 * their own body; an officer declares a conflict only for themself. Being able to see another body's officer is
 * not enough. A pure rule: the caller says who is acting.
 */
public final class AvailabilityPolicy {

	/**
	 * Who is acting: the body of their account, whether they lead or administer it, and the officer record linked to
	 * their account (null when none, as for an enterprise's user).
	 */
	public record Acting(Long bodyId, boolean leaderOrAdmin, Long ownOfficerId) {
	}

	private AvailabilityPolicy() {
	}

	/** A conflict of interest, which the officer may declare for themself ({@code act} names it in the refusal). */
	public static Allowance declare(Acting acting, Officer officer, String act) {
		boolean self = acting != null && Objects.equals(acting.ownOfficerId(), officer.id());
		return forBody(acting, officer) || self ? Allowance.granted()
				: Allowance.refused("只有执法人员本人或其所属执法主体的领导、管理员可以" + act);
	}

	/** An absence, which only a leader or administrator of the officer's body records. */
	public static Allowance recordAbsence(Acting acting, Officer officer, String act) {
		return forBody(acting, officer) ? Allowance.granted()
				: Allowance.refused("只有执法人员所属执法主体的领导或管理员可以" + act);
	}

	private static boolean forBody(Acting acting, Officer officer) {
		return acting != null && acting.leaderOrAdmin() && Objects.equals(acting.bodyId(), officer.bodyId());
	}
}
