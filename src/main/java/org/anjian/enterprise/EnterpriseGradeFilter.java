package org.anjian.enterprise;

/**
 * How the registry's search keeps only the enterprises of one risk grade, which the grading module keeps: grading
 * implements this (a bean) and gives the SQL condition, so that the registry never names grading's tables and the
 * dependency runs one way, grading → enterprise.
 */
public interface EnterpriseGradeFilter {

	/**
	 * An SQL condition on a row of the registry's search that holds when that enterprise's current grade is
	 * {@code grade}. It runs for every row a page of the list reads among a million enterprises, so it must be an
	 * indexed lookup (an {@code exists} on a key), and it binds no parameter.
	 *
	 * @param uscc the SQL expression of the row's credit code (e.g. {@code enterprise.uscc})
	 * @param grade one letter A to D, already checked
	 */
	String condition(String uscc, String grade);
}
