package org.anjian.identity.internal;

import java.util.Optional;

import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The user logged in on this thread, as other modules need to know them. */
@Component
public class CurrentUser implements CurrentActor {

	public Optional<AnjianPrincipal> principal() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof AnjianPrincipal principal) {
			return Optional.of(principal);
		}
		return Optional.empty();
	}

	@Override
	public Optional<Actor> current() {
		return principal().map(AnjianPrincipal::actor);
	}
}
