/**
 * Enforcement planning (执法计划): each enforcement body's annual plan (年度执法计划) for one year, with its
 * settings kept as data (reserve share for temporary tasks, treatment by risk grade, general-draw rate, capacity);
 * its composition by the rules of the seeds — every key unit once, targeted checks by grade and by special
 * campaign (专项检查, with its months and matters), general checks by a verifiable double-random draw (双随机)
 * from the remaining enterprises, only the body's own enterprises except the city's joint supervisory spot checks
 * (督导式抽查), at most one planned inspection per enterprise a year unless a reason is recorded; the plan's
 * lifecycle from draft to publication; its schedule (officer teams drawn from the plan's seed, days and teams
 * chosen by a solver under the hard rules), shown by quarter and month; and the public page of each draw from
 * which anyone can recompute its result. Planning also keeps what limits who inspects when: officers' declared
 * conflicts of interest (回避) and absences, and the national calendar of holidays and adjusted working days
 * (调休), verified by an administrator. Other modules use {@link org.anjian.planning.Planning} and the plan's value
 * types; planning reads other modules' data through their published views (enterprises, grades, officers, bodies)
 * and their Java API (enterprises' names), and what each grade asks of a plan is
 * {@link org.anjian.planning.internal.GradeTreatmentPolicy}'s.
 */
@org.springframework.modulith.ApplicationModule(displayName = "执法计划")
package org.anjian.planning;
