package org.anjian.identity;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.anjian.identity.internal.SystemActors;
import org.anjian.shared.ActorName;
import org.anjian.shared.ActorNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The names of the actors records keep, for every page that shows who did something: a user's display name with the
 * body they act for (an officer), their role (a leader, a legal reviewer, the administrator) or 企业用户, looked up in
 * one query whatever the number of actors; the system as 系统 with what it was doing. The accounts are read through
 * {@code anjian_actor_names}, which answers names only, also for an account outside the caller's jurisdiction.
 */
@Service
public class DisplayNames implements ActorNames {

	static final String SYSTEM = "系统";

	/** The roles named beside a person who acts for no body, or as more than an officer of it. */
	private static final Map<String, String> ROLES = Map.of("LEADER", "领导", "LEGAL_REVIEWER", "法制审核", "ADMIN",
			"系统管理员", "ENTERPRISE", "企业用户");

	private final JdbcClient jdbc;

	DisplayNames(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The display names of the given user names (and system actors), in one query. */
	public Map<String, ActorName> displayNames(Collection<String> actors) {
		Map<String, ActorName> names = new HashMap<>();
		Set<String> users = new LinkedHashSet<>();
		for (String actor : actors) {
			if (actor == null || names.containsKey(actor)) {
				continue;
			}
			if (SystemActors.isSystem(actor)) {
				names.put(actor, system(actor.substring(SystemActors.PREFIX.length())));
			}
			else {
				users.add(actor);
			}
		}
		if (!users.isEmpty()) {
			jdbc.sql("select username, display_name, roles, body_name from anjian_actor_names(:users)")
				.param("users", users.toArray(String[]::new))
				.query(rs -> {
					names.put(rs.getString(1), new ActorName(rs.getString(2), affiliation(rs.getArray(3), rs.getString(4),
							rs.getString(2))));
				});
		}
		users.forEach(u -> names.putIfAbsent(u, new ActorName(u, null)));
		return names;
	}

	@Override
	public Map<String, ActorName> of(Collection<String> actors) {
		return displayNames(actors);
	}

	private static ActorName system(String reason) {
		String doing = SystemActors.label(reason);
		return new ActorName(SYSTEM, doing == null ? reason : doing);
	}

	/**
	 * An officer by their body; a leader by role and body; another role by itself (unless the display name says it
	 * already, as the administrator's 系统管理员 does).
	 */
	private static String affiliation(Array roles, String body, String displayName) throws SQLException {
		String role = null;
		for (String r : roles == null ? new String[0] : (String[]) roles.getArray()) {
			if (ROLES.containsKey(r)) {
				role = ROLES.get(r);
			}
		}
		if (role != null && role.equals(displayName)) {
			role = null;
		}
		if (role == null) {
			return body;
		}
		return body == null || ROLES.get("ENTERPRISE").equals(role) ? role : body + " " + role;
	}
}
