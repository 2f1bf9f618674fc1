package org.anjian.grading;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise's score and grade on a day under one policy version, with every point explained: the score is
 * the sum of the points of its breakdown, the grade comes from the score unless an override asks for more
 * scrutiny.
 */
public record RiskAssessment(String uscc, int policyVersion, LocalDate asOf, BigDecimal score, Grade pointsGrade,
		Grade grade, List<Point> points, List<OverrideKind> overrides) {

	public RiskAssessment {
		points = List.copyOf(points);
		overrides = List.copyOf(overrides);
	}

	/**
	 * One line of the breakdown: the policy item that gave the points ({@code SECTOR:HAZCHEM}, {@code FACT:ACCIDENT}
	 * with the fact's id, {@code CAP:PENALTY} for the part of a factor above its cap, …) and the points, to one
	 * decimal.
	 */
	public record Point(String item, Long factId, BigDecimal points) {
	}

	/** The facts of one kind of a breakdown. */
	public List<Point> pointsOf(String item) {
		return points.stream().filter(p -> p.item().equals(item)).toList();
	}
}
