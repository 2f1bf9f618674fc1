package org.anjian.hazard.internal;

import java.util.List;
import java.util.Optional;

import org.anjian.hazard.Hazard;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Officer;
import org.anjian.organization.Officers;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.shared.Actor;
import org.anjian.shared.Allowance;
import org.anjian.shared.CurrentActor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Applies {@link HazardActPolicy} to the person acting now: the hazard module's acts on a hazard (and on its listing
 * and notices) ask it first, and its pages offer the acts only where it allows them. The system (the deadline job,
 * the generator) acts on every hazard; an enterprise's own acts (its rectification, its progress reports) are the
 * enterprise's and are not asked here.
 */
@Component
public class HazardAuthority {

	private final CurrentActor actors;
	private final EnforcementBodies bodies;
	private final Officers officers;
	private final UserAccounts accounts;

	HazardAuthority(CurrentActor actors, EnforcementBodies bodies, Officers officers, UserAccounts accounts) {
		this.actors = actors;
		this.bodies = bodies;
		this.officers = officers;
		this.accounts = accounts;
	}

	/** The officer the person acting now is, if their account names one. */
	public Long actingOfficer() {
		return actors.current().flatMap(a -> accounts.findByUsername(a.username())).map(UserAccount::officerId)
			.orElse(null);
	}

	/**
	 * Who may re-inspect the hazard with the person acting now: the officers in office of their body but them (of the
	 * body acting on the hazard, for one who is no officer of a body).
	 */
	public List<Officer> colleagues(Hazard hazard) {
		Long self = actingOfficer();
		Long body = actors.current().map(Actor::bodyId)
			.orElseGet(() -> bodies.findByJurisdictionCode(hazard.actingCode()).map(EnforcementBody::id).orElse(null));
		return body == null ? List.of()
				: officers.search(body, true, null).stream().filter(o -> !o.id().equals(self)).toList();
	}

	/** Refuses (400, beside the field) a second officer {@link ReinspectionPolicy} does not allow. */
	public void requireSecondOfficer(Hazard hazard, Long secondOfficerId) {
		Optional<Officer> second = secondOfficerId == null ? Optional.empty() : officers.findById(secondOfficerId);
		Long secondBody = second.map(Officer::bodyId).orElse(null);
		String secondJurisdiction = secondBody == null ? null
				: bodies.findById(secondBody).map(EnforcementBody::jurisdictionCode).orElse(null);
		ReinspectionPolicy.Team team = new ReinspectionPolicy.Team(actingOfficer(),
				actors.current().map(Actor::bodyId).orElse(null), secondOfficerId, secondBody, secondJurisdiction,
				second.map(Officer::active).orElse(false));
		ReinspectionPolicy.twoOfficers(team, hazard.actingCode()).orRefuseInput("secondOfficerId");
	}

	/** Whether the person acting now may act on the hazard (the system may). */
	public Allowance mayAct(Hazard hazard) {
		Optional<Actor> actor = actors.current();
		if (actor.isEmpty()) {
			return Allowance.granted();
		}
		if (actor.get().isEnterprise()) {
			return Allowance.refused("企业用户不能办理执法机关的事项");
		}
		return HazardActPolicy.act(actor.get().scope(), hazard.actingCode(), actingBody(hazard));
	}

	/** Refuses (403, with the reason) an act of the person acting now that the policy does not allow. */
	public void requireActing(Hazard hazard) {
		Allowance allowance = mayAct(hazard);
		if (allowance.refused()) {
			throw new AccessDeniedException(allowance.reason());
		}
	}

	/** The name of the body that found the hazard and acts on it, if the caller can see it. */
	public String actingBody(Hazard hazard) {
		return bodies.findByJurisdictionCode(hazard.actingCode()).map(EnforcementBody::name).orElse(null);
	}
}
