package org.anjian.hazard.internal;

import java.time.LocalDate;

import org.anjian.grading.FactIntake;
import org.anjian.grading.FactKind;
import org.anjian.grading.RiskFact;
import org.anjian.hazard.Hazard;
import org.anjian.shared.Zone;
import org.springframework.stereotype.Component;

/**
 * A hazard as facts of its enterprise's grade: found (major or general), and each passed deadline, both counting
 * until the hazard is closed. Each fact is recorded once, under a source that names the hazard.
 */
@Component
public class HazardGrades {

	private final FactIntake facts;

	HazardGrades(FactIntake facts) {
		this.facts = facts;
	}

	/** The enterprise's regrade lock, taken before a transaction that will touch its grade writes anything. */
	public void lockFirst(String uscc) {
		facts.lockFirst(uscc);
	}

	/** The hazard as found, on the day it was found. */
	public void recordFound(Hazard hazard) {
		FactKind kind = hazard.major() ? FactKind.MAJOR_HAZARD : FactKind.GENERAL_HAZARD;
		facts.record(RiskFact.of(hazard.uscc(), kind, LocalDate.ofInstant(hazard.foundAt(), Zone.SHANGHAI),
				source(hazard.id())));
	}

	/** A passed deadline, which keeps the grade up until the hazard is closed. */
	public void recordOverdue(Hazard hazard, LocalDate on) {
		facts.record(RiskFact.of(hazard.uscc(), FactKind.OVERDUE_HAZARD, on, overdueSource(hazard.id())));
	}

	/** The hazard closed (销号): neither its finding nor its passed deadlines count any more. */
	public void resolve(Hazard hazard, LocalDate on) {
		facts.resolve(hazard.uscc(), source(hazard.id()), on);
		facts.resolve(hazard.uscc(), overdueSource(hazard.id()), on);
	}

	static String source(long hazardId) {
		return "hazard:" + hazardId;
	}

	static String overdueSource(long hazardId) {
		return "hazard-overdue:" + hazardId;
	}
}
