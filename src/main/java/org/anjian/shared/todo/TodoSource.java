package org.anjian.shared.todo;

import java.util.List;

import org.anjian.shared.Actor;

/**
 * A module's list of what waits for people: each module implements it in its own package with its own queries, and
 * the home page collects every module's. The queries run as the person acting on the thread, so row-level security
 * scopes the counts like every other read (a district officer counts their district's only). Each count must stay
 * fast at city scale: an index-backed count, never a scan of a large table.
 */
public interface TodoSource {

	/**
	 * What waits for the actor as one of the audiences; nothing for an audience the module has nothing for. Entries
	 * of a count of zero may be returned: the page leaves them out.
	 */
	List<Todo> todos(Audience audience, Actor actor);
}
