package org.anjian.audit.internal;

import java.util.List;

/**
 * Where verification finds the signed heads: the table {@code audit_anchor}, or a file of them an operator kept
 * elsewhere. The fingerprints are asked for one head at a time, as the walk through the records reaches it, so that a
 * long chain's are never all in memory.
 */
public interface AnchorSource {

	/** Every signed head, in the order they were made. */
	List<SignedHead> heads();

	/** The fingerprints of the records a head covers, as stored (checked against the signed SHA-256 by the caller). */
	byte[] fingerprints(SignedHead head);

	/** None: the chain checked on its own. */
	AnchorSource NONE = new AnchorSource() {

		@Override
		public List<SignedHead> heads() {
			return List.of();
		}

		@Override
		public byte[] fingerprints(SignedHead head) {
			return new byte[0];
		}
	};
}
