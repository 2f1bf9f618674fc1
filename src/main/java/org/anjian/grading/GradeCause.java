package org.anjian.grading;

/** Why a grade was computed: the periodic full regrade, a new fact, or a new policy version. */
public enum GradeCause {
	REGRADE, FACT, POLICY
}
