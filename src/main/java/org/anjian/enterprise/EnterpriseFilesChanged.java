package org.anjian.enterprise;

import java.util.Set;

/**
 * Enterprise files were registered, corrected, or changed status: what other modules derive from a file (its
 * grade, for one) is due again. One event for a whole import.
 */
public record EnterpriseFilesChanged(Set<String> usccs) {

	public EnterpriseFilesChanged {
		usccs = Set.copyOf(usccs);
	}
}
