/**
 * Full-process record (全过程记录): the append-only, hash-chained trail of every write to an audited table,
 * recorded by the database itself in the writing transaction (who, when, for which body, in which
 * jurisdiction, the row before and after, and the business action). This module reads that trail: it
 * verifies the whole chain so that an edited, removed or truncated record is found and named, shows an
 * entity's history to those whose jurisdiction covers it, lets the administrator search it a page at a time, and lets
 * a use case name its business action ({@link org.anjian.audit.AuditTrail#describe}) instead of a bare insert, update
 * or delete. Each module lists its actions ({@link org.anjian.audit.AuditAction}) and its audited tables
 * ({@link org.anjian.audit.AuditedTable}) with their Chinese words; {@link org.anjian.audit.AuditLabels} finds them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "全过程记录")
package org.anjian.audit;
