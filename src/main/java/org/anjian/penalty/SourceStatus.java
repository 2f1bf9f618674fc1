package org.anjian.penalty;

/**
 * Whether a row of reference data was checked against the published text (the reference files' own {@code status}):
 * an unverified row stays editable and is flagged 待核对 wherever it is shown.
 */
public enum SourceStatus {

	VERIFIED("已核对"), UNVERIFIED("待核对");

	private final String label;

	SourceStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** A reference file's status or verification text: only a plain "verified…" is verified. */
	public static SourceStatus of(String text) {
		String s = text == null ? "" : text.trim().toLowerCase();
		return s.startsWith("verified") && !s.contains("unverified") && !s.contains("partial") ? VERIFIED : UNVERIFIED;
	}
}
