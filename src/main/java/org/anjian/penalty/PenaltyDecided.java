package org.anjian.penalty;

import java.time.LocalDate;

/**
 * A penalty was decided (行政处罚决定): the enterprise, the fine and the day, for the modules that act on it — its grade
 * (a fact recorded in the same transaction) and, with the credit issue, its publicity within 7 working days.
 */
public record PenaltyDecided(long caseId, long bodyId, String uscc, String entryId, long amount, LocalDate decidedOn) {
}
