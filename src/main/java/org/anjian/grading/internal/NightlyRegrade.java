package org.anjian.grading.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Regrades the city every night: points decay and facts leave their windows with the passing days even when
 * nothing new arrives. With several instances only one runs it: the regrade takes a transaction-level advisory
 * lock and an instance that cannot get it leaves the run to the other.
 */
@Component
class NightlyRegrade {

	private static final Logger log = LoggerFactory.getLogger(NightlyRegrade.class);

	private final FullRegrade fullRegrade;

	NightlyRegrade(FullRegrade fullRegrade) {
		this.fullRegrade = fullRegrade;
	}

	@Scheduled(cron = "${anjian.grading.nightly-cron:0 30 2 * * *}", zone = "Asia/Shanghai")
	void regrade() {
		fullRegrade.regradeAllIfFree()
			.ifPresentOrElse(run -> log.info("Nightly regrade: {} enterprises, {} grades changed, {} ms", run.enterprises(),
					run.changedGrades(), run.took().toMillis()), () -> log.info("Nightly regrade left to another instance"));
	}
}
