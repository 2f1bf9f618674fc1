package org.anjian.shared;

import java.util.Collection;
import java.util.Objects;

/**
 * 四眼原则: whoever drafted or submitted a document cannot approve it, whatever roles their account holds (issue 21,
 * finding 7: an account holding both LEADER and DISTRICT_OFFICER approved and published its own plan). A pure rule: the
 * caller names the approver and the people who wrote the document.
 */
public final class FourEyesPolicy {

	private FourEyesPolicy() {
	}

	/** Whether {@code approver} may approve {@code document} written by {@code authors} (unknown authors left out). */
	public static Allowance approval(String approver, Collection<String> authors, String document) {
		if (approver != null && authors.stream().filter(Objects::nonNull).anyMatch(approver::equals)) {
			return Allowance.refused(document + "须由起草和提交人以外的领导批准：本人起草或提交的不能自行批准");
		}
		return Allowance.granted();
	}
}
