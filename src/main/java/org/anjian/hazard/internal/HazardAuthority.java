package org.anjian.hazard.internal;

import java.util.Optional;

import org.anjian.hazard.Hazard;
import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.EnforcementBody;
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

	HazardAuthority(CurrentActor actors, EnforcementBodies bodies) {
		this.actors = actors;
		this.bodies = bodies;
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
