package org.anjian.audit;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.anjian.shared.Versioned;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Component;

/**
 * One official act on an aggregate, the same way everywhere: the act named in the audit trail, the aggregate taken
 * on the version the person last read (a page or an app sends it; someone else's change in between refuses the act
 * with 409 instead of overwriting it), the act performed by the aggregate's own method (which refuses what its state
 * does not allow), saved, and its event published in the same transaction. Callers are transactional.
 */
@Component
public class OfficialActs {

	private final AuditTrail audit;
	private final ApplicationEventPublisher events;

	OfficialActs(AuditTrail audit, ApplicationEventPublisher events) {
		this.audit = audit;
		this.events = events;
	}

	/** Performs the act on the aggregate as read at {@code expectedVersion} (null: whatever version it has). */
	public <T extends Versioned> T perform(AuditAction action, T aggregate, Integer expectedVersion,
			Consumer<? super T> act, UnaryOperator<T> save) {
		audit.describe(action);
		requireVersion(aggregate, expectedVersion);
		act.accept(aggregate);
		return save.apply(aggregate);
	}

	/** The same, then publishes the event the saved aggregate gives (none when it gives null). */
	public <T extends Versioned> T perform(AuditAction action, T aggregate, Integer expectedVersion,
			Consumer<? super T> act, UnaryOperator<T> save, Function<? super T, ?> event) {
		T saved = perform(action, aggregate, expectedVersion, act, save);
		Object published = event.apply(saved);
		if (published != null) {
			events.publishEvent(published);
		}
		return saved;
	}

	/** Refuses a stale version: the person acted on what they read, which someone else has changed since. */
	public static void requireVersion(Versioned aggregate, Integer expectedVersion) {
		if (expectedVersion != null && !Objects.equals(expectedVersion, aggregate.version())) {
			throw new OptimisticLockingFailureException(aggregate.getClass().getSimpleName() + " was changed: version "
					+ expectedVersion + " was read, " + aggregate.version() + " is current");
		}
	}
}
