/**
 * Administrative penalty (行政处罚): the catalogue of violations with the fines the law allows (as data the
 * administrators keep in revisions, loaded from the Work Safety Law and the MEM's accident fine rules, each checklist
 * item that can be violated linked to its entries), the city's exempt list (免罚清单, 自查自报不罚), the discretion
 * benchmark (裁量基准) that proposes a band and an amount from the facts an officer ticks, the no-penalty grounds of
 * the Administrative Penalty Law art. 33 considered first — and, as issue 15 goes on, penalty cases with their
 * procedure, legal review and documents, and the review of closed cases' files (案卷评查: every major case, a share
 * of the others drawn with a recorded seed, results per body).
 */
package org.anjian.penalty;
