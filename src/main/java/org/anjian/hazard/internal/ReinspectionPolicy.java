package org.anjian.hazard.internal;

import org.anjian.shared.Allowance;

/**
 * 复查销号 by two officers, as an inspection is made by two (issue 21, finding 7: the officer who found a hazard alone
 * verified its closure): the officer acting names a second officer in office, other than themselves, of their own
 * body; where the one acting is no officer of a body (the system), of a body whose jurisdiction covers the body
 * acting on the hazard. Pure: the caller looks the second officer up.
 */
public final class ReinspectionPolicy {

	private ReinspectionPolicy() {
	}

	/** The officers who re-inspect together: who acts, and who is named second. */
	public record Team(Long actingOfficerId, Long actingBodyId, Long secondOfficerId, Long secondBodyId,
			String secondJurisdiction, boolean secondInOffice) {
	}

	/** Whether the team may close a hazard acted on by the body of {@code hazardActingCode}. */
	public static Allowance twoOfficers(Team team, String hazardActingCode) {
		if (team.secondOfficerId() == null) {
			return Allowance.refused("复查须由两名执法人员进行，请选择协同复查的执法人员");
		}
		if (team.secondOfficerId().equals(team.actingOfficerId())) {
			return Allowance.refused("协同复查的执法人员须为您以外的另一名执法人员");
		}
		if (team.secondBodyId() == null || !team.secondInOffice()) {
			return Allowance.refused("协同复查的执法人员须为在职的执法人员");
		}
		boolean together = team.actingBodyId() != null ? team.actingBodyId().equals(team.secondBodyId())
				: covers(team.secondJurisdiction(), hazardActingCode);
		return together ? Allowance.granted() : Allowance.refused("协同复查的执法人员须为本机关的执法人员");
	}

	/** Whether a jurisdiction (310000 the city, six digits a district, nine a street) covers another. */
	static boolean covers(String jurisdiction, String other) {
		return jurisdiction != null && other != null
				&& ("310000".equals(jurisdiction) || other.startsWith(jurisdiction));
	}
}
