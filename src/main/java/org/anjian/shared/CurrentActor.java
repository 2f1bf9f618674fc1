package org.anjian.shared;

import java.util.Optional;

/** Tells who is acting on the current thread; implemented by the identity module from the login. */
public interface CurrentActor {

	Optional<Actor> current();
}
