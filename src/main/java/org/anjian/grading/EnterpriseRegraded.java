package org.anjian.grading;

import java.math.BigDecimal;

/** An enterprise's grade changed (from null on its first grade). */
public record EnterpriseRegraded(String uscc, Grade from, Grade to, BigDecimal score, GradeCause cause) {
}
