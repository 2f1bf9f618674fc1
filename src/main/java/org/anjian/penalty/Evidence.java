package org.anjian.penalty;

import java.time.LocalDate;

/**
 * One piece of evidence of a case (证据): an inspection record, a photo, an inquiry record (询问笔录, its text kept
 * here) or a document, who recorded it and when.
 */
public record Evidence(long id, long caseId, Kind kind, String description, String recordedBy, LocalDate recordedOn) {

	public static final int MAX_LENGTH = 4000;

	/** The kinds of evidence the investigation gathers (办法第24–27条). */
	public enum Kind {

		RECORD("现场检查记录"), PHOTO("现场照片、视听资料"), INQUIRY("询问笔录"), DOCUMENT("书证");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
