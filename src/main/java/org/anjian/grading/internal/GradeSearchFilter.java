package org.anjian.grading.internal;

import org.anjian.enterprise.EnterpriseGradeFilter;
import org.anjian.grading.Grade;
import org.springframework.stereotype.Component;

/**
 * The registry's list filtered by grade: the enterprise module asks this module for the condition, so that only
 * grading names its own table. An {@code exists} on risk_grade's primary key, one index probe per row read.
 */
@Component
class GradeSearchFilter implements EnterpriseGradeFilter {

	@Override
	public String condition(String uscc, String grade) {
		// the enum's name is a safe literal, and a literal lets the planner use the statistics of each grade
		return "exists (select 1 from risk_grade g where g.uscc = " + uscc + " and g.grade = '" + Grade.valueOf(grade).name() + "')";
	}
}
