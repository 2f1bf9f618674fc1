package org.anjian.penalty.internal;

import java.util.Objects;

/**
 * One point of a case-file review and what was found: passed, failed or not applicable to this case, with a note in
 * words (why it failed, what was missing; empty when there is nothing to say).
 */
public record Finding(ReviewPoint point, Outcome outcome, String note) {

	/** What was found on a point. */
	public enum Outcome {
		PASSED("符合"), FAILED("不符合"), NOT_APPLICABLE("不适用");

		private final String label;

		Outcome(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}

	public Finding {
		Objects.requireNonNull(point, "point");
		Objects.requireNonNull(outcome, "outcome");
		note = note == null ? "" : note.strip();
	}

	public static Finding passed(ReviewPoint point, String note) {
		return new Finding(point, Outcome.PASSED, note);
	}

	public static Finding failed(ReviewPoint point, String note) {
		return new Finding(point, Outcome.FAILED, note);
	}

	public static Finding notApplicable(ReviewPoint point, String note) {
		return new Finding(point, Outcome.NOT_APPLICABLE, note);
	}

	public boolean failed() {
		return outcome == Outcome.FAILED;
	}

	public boolean applicable() {
		return outcome != Outcome.NOT_APPLICABLE;
	}
}
