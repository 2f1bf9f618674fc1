package org.anjian.grading.internal;

import org.anjian.enterprise.EnterpriseFilesChanged;
import org.anjian.grading.GradeCause;
import org.anjian.shared.database.SystemScope;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A registered or corrected file (sector, risk tags, standardization, insurance, status) regrades its enterprise
 * as soon as the change is committed, in the background: one by one for a few files, in one set-based statement
 * for an import. The grade is derived data, so it is computed as the system, whoever changed the file; the event
 * publication registry keeps the event until the regrade has succeeded.
 */
@Component
class RegradeOnFileChange {

	/** Above this many files the restricted set-based statement is faster than one regrade each. */
	private static final int ONE_BY_ONE = 20;

	private final Regrading regrading;

	private final FullRegrade fullRegrade;

	private final TransactionTemplate transactions;

	RegradeOnFileChange(Regrading regrading, FullRegrade fullRegrade, TransactionTemplate transactions) {
		this.regrading = regrading;
		this.fullRegrade = fullRegrade;
		this.transactions = transactions;
	}

	@Async
	@TransactionalEventListener
	void on(EnterpriseFilesChanged changed) {
		SystemScope.run("regrade changed files", () -> transactions.executeWithoutResult(status -> {
			if (changed.usccs().size() <= ONE_BY_ONE) {
				changed.usccs().forEach(uscc -> regrading.regrade(uscc, GradeCause.FACT));
			}
			else {
				fullRegrade.regradeSome(changed.usccs());
			}
		}));
	}
}
