package org.anjian.grading;

import java.time.LocalDate;
import java.util.Optional;

import org.anjian.grading.internal.Regrading;
import org.anjian.grading.internal.RiskFacts;
import org.anjian.grading.internal.WatchList;
import org.anjian.shared.Act;
import org.anjian.shared.Authorized;
import org.anjian.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a new fact about an enterprise and regrades that enterprise at once, in the same transaction: the grade
 * an officer sees next is already the new one. The same fact (same source) taken twice changes nothing.
 */
@Service
public class FactIntake {

	private final RiskFacts facts;

	private final Regrading regrading;

	private final WatchList watchList;

	FactIntake(RiskFacts facts, Regrading regrading, WatchList watchList) {
		this.facts = facts;
		this.regrading = regrading;
		this.watchList = watchList;
	}

	/** The fact as stored and the enterprise's assessment after it. */
	public record Outcome(RiskFact fact, Optional<RiskAssessment> assessment) {
	}

	/** Refuses with 404 an enterprise the caller cannot see, before anything about the fact is judged. */
	public void requireVisible(String uscc) {
		if (!facts.visible(uscc)) {
			throw new NotFoundException("企业 " + uscc + " 不存在或不在您的管辖范围内");
		}
	}

	/**
	 * Takes the enterprise's regrade lock; a transaction that will record or resolve a fact after writing something
	 * else calls this before its first write (see {@code Regrading.lockFirst}), or it may deadlock with a regrade.
	 */
	public void lockFirst(String uscc) {
		regrading.lockFirst(uscc);
	}

	/** An officer reports a fact through the API; facts the application learns itself are {@link #record recorded}. */
	@Authorized(Act.RECORD_FACT)
	@Transactional
	public Outcome report(RiskFact fact) {
		return record(fact);
	}

	@Transactional
	public Outcome record(RiskFact fact) {
		regrading.lockFirst(fact.uscc());
		RiskFact stored = facts.add(fact);
		Optional<RiskAssessment> assessment = regrading.regrade(stored.uscc(), GradeCause.FACT);
		watchList.refresh(stored.uscc());
		return new Outcome(stored, assessment);
	}

	/** A hazard recorded from {@code source} was rectified: it stops keeping the enterprise's grade up. */
	@Transactional
	public Optional<RiskAssessment> resolve(String uscc, String source, LocalDate day) {
		regrading.lockFirst(uscc);
		if (!facts.resolve(source, day)) {
			return Optional.empty();
		}
		Optional<RiskAssessment> assessment = regrading.regrade(uscc, GradeCause.FACT);
		watchList.refresh(uscc);
		return assessment;
	}
}
