/**
 * Risk grading (积分制分级): every enterprise gets a score from the facts known of it — its inherent risk
 * (sector, risk tags), accidents, penalties, hazards, verified reports, alarms, and the positive facts that
 * lower it — under a scoring policy kept as versioned data, and from the score a grade A (全量体检) to D
 * (无事不扰) that decides how it is supervised. Every point of a score is explained by one line of its
 * breakdown; the whole city is regraded in one set-based pass and one enterprise at once when a fact arrives.
 * Rule-based and officers' entries make the watch list (不放心企业). Other modules record facts through
 * {@link org.anjian.grading.FactIntake} and read a portrait through {@link org.anjian.grading.RiskPortrait}; their
 * SQL reads only the views {@code enterprise_grade} and {@code group_supervision_report} (V40).
 */
@org.springframework.modulith.ApplicationModule(displayName = "积分制分级")
package org.anjian.grading;
