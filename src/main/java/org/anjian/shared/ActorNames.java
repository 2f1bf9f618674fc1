package org.anjian.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The names of the people (and of the system) that records name by their user name or {@code system:reason}, as
 * pages show them; implemented by the identity module, which knows the accounts. Looked up in one query for all the
 * actors of a page, whatever the caller's jurisdiction: a record the caller may read names its actor in words.
 */
public interface ActorNames {

	/**
	 * The name of every actor given (nulls skipped): a user's display name with their body or role, the system with
	 * what it was doing, and an actor no account knows as recorded.
	 */
	Map<String, ActorName> of(Collection<String> actors);

	/** The name of one actor. */
	default ActorName of(String actor) {
		return actor == null ? null : of(List.of(actor)).get(actor);
	}

	/** The label of one actor, or null for none. */
	default String label(String actor) {
		ActorName name = of(actor);
		return name == null ? null : name.label();
	}
}
