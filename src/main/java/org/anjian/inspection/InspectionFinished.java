package org.anjian.inspection;

/** An inspection record was finished: the hazards it found, of them the major ones (重大事故隐患). */
public record InspectionFinished(long taskId, String uscc, int hazards, int majorHazards) {
}
