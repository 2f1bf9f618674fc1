package org.anjian.portal.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.Role;
import org.anjian.shared.security.ActGuard;
import org.anjian.shared.todo.Audience;
import org.anjian.shared.todo.Todo;
import org.anjian.shared.todo.TodoSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Collects what waits for the logged-in person from every module's {@link TodoSource}, for each audience their roles
 * make them: the urgent first, then in the modules' order (their {@code @Order}: plans, hazards, inspections,
 * triggers, accounts); each kind once, however many roles ask for it; nothing of which none waits. The portal asks
 * and shows; the counting is the modules' own, under the caller's row security.
 */
@Component
class TodoBoard {

	private final ObjectProvider<TodoSource> sources;
	private final CurrentActor actors;
	private final MessageSource messages;

	TodoBoard(ObjectProvider<TodoSource> sources, CurrentActor actors, MessageSource messages) {
		this.sources = sources;
		this.actors = actors;
		this.messages = messages;
	}

	/** One line of the list, in words: what waits, how many, the detail, where to act. */
	public record Entry(String key, String title, String detail, long count, String link, boolean urgent) {
	}

	/** The whole list, for the home page. */
	List<Entry> entries(Locale locale) {
		return todos().stream()
			.map(t -> new Entry(t.messageKey(), messages.getMessage(t.messageKey(), null, locale),
					t.detail() == null ? null
							: messages.getMessage(t.detail().messageKey(), t.detail().args().toArray(), locale),
					t.count(), t.link(), t.urgent()))
			.toList();
	}

	/** What waits, counted together, and whether any of it is urgent: the navigation's badge. */
	record Total(long count, boolean urgent) {

		static Total of(Collection<Entry> entries) {
			return new Total(entries.stream().mapToLong(Entry::count).sum(), entries.stream().anyMatch(Entry::urgent));
		}
	}

	Total total() {
		List<Todo> todos = todos();
		return new Total(todos.stream().mapToLong(Todo::count).sum(), todos.stream().anyMatch(Todo::urgent));
	}

	private List<Todo> todos() {
		Actor actor = actors.current().orElse(null);
		if (actor == null) {
			return List.of();
		}
		Map<String, Todo> byKind = new LinkedHashMap<>();
		for (Audience audience : audiences(SecurityContextHolder.getContext().getAuthentication())) {
			sources.orderedStream().forEach(source -> source.todos(audience, actor).stream()
				.filter(Todo::waiting)
				.forEach(todo -> byKind.putIfAbsent(todo.messageKey(), todo)));
		}
		List<Todo> ordered = new ArrayList<>(byKind.values());
		ordered.sort(Comparator.comparing(todo -> !todo.urgent())); // stable: the modules' order within each
		return ordered;
	}

	/** The audiences a person's roles make them, in the enum's order. */
	static Set<Audience> audiences(Authentication authentication) {
		Set<Audience> audiences = EnumSet.noneOf(Audience.class);
		ActGuard.roles(authentication).forEach(role -> audiences.add(audience(role)));
		return audiences;
	}

	private static Audience audience(Role role) {
		return switch (role) {
			case CITY_OFFICER, DISTRICT_OFFICER, STREET_OFFICER -> Audience.OFFICER;
			case LEADER -> Audience.LEADER;
			case LEGAL_REVIEWER -> Audience.LEGAL_REVIEWER;
			case ADMIN -> Audience.ADMIN;
			case ENTERPRISE -> Audience.ENTERPRISE;
		};
	}
}
