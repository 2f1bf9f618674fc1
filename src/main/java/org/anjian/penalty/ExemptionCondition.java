package org.anjian.penalty;

import java.util.Arrays;
import java.util.Optional;

/** One condition of an exempt-list row; a row applies only when every condition it lists holds in the case. */
public enum ExemptionCondition {

	FIRST_VIOLATION("初次违法"),
	MINOR_HARM("危害后果轻微"),
	NO_HARM("没有造成危害后果"),
	CORRECTED_IN_TIME("及时改正"),
	SELF_REPORTED("企业自查发现并主动报告");

	private final String label;

	ExemptionCondition(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static Optional<ExemptionCondition> of(String code) {
		return Arrays.stream(values()).filter(c -> c.name().equals(code)).findFirst();
	}
}
