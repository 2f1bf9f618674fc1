package org.anjian.shared.database;

import java.util.function.Supplier;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs work as the system, seeing every jurisdiction: migrations, start-up seeding, login look-ups,
 * audit-chain verification, command-line tools. Every use names its reason, which the audit trail records
 * as the actor ({@code system:reason}). Outside such a block, a thread with no logged-in user sees nothing.
 *
 * <p>It must be entered outside a transaction, because the scope is set on a connection when it is taken
 * from the pool; a transaction already holding a connection would keep the caller's narrower scope.
 */
public final class SystemScope {

	private static final ThreadLocal<String> REASON = new ThreadLocal<>();

	private SystemScope() {
	}

	public static <T> T call(String reason, Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("SystemScope must be entered outside a transaction: " + reason);
		}
		String outer = REASON.get();
		REASON.set(reason);
		try {
			return work.get();
		}
		finally {
			if (outer == null) {
				REASON.remove();
			}
			else {
				REASON.set(outer);
			}
		}
	}

	public static void run(String reason, Runnable work) {
		call(reason, () -> {
			work.run();
			return null;
		});
	}

	/** The reason of the enclosing system block, if the thread acts as the system (to carry it to another thread). */
	public static java.util.Optional<String> current() {
		return java.util.Optional.ofNullable(REASON.get());
	}

	/** The reason of the enclosing system block, or null when the thread acts for its user. */
	static String reason() {
		return REASON.get();
	}
}
