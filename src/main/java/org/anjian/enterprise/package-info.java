/**
 * The enterprise registry (一企一档): one file per regulated enterprise, identified by its unified social credit
 * code, with its place, industry, sector, risk tags, scale, key-unit status, supervision level and supervising
 * body (one enterprise, one body, by a rule kept as data unless an officer overrides it with a reason),
 * standardization grade, liability insurance and operating status. Other modules read it through
 * {@link org.anjian.enterprise.EnterpriseRegistry} (or, for set-based joins, its published views), learn of changes
 * from {@link org.anjian.enterprise.EnterpriseFilesChanged}, and the grading module contributes the list's grade
 * filter through {@link org.anjian.enterprise.EnterpriseGradeFilter}, so that the registry never reads grading.
 */
@org.springframework.modulith.ApplicationModule(displayName = "一企一档")
package org.anjian.enterprise;
