/**
 * Triggered inspection (触发式监管): monitoring systems report alarms by API key, idempotent by the alarm's own id;
 * configurable rules (so many alarms of a kind within so many days) open an ALARM-triggered inspection (预警触发);
 * a hazard left overdue or failing its re-inspection opens an EVENT-triggered one (事件触发). A trigger for an
 * enterprise with a planned inspection within 30 days is merged into it (统筹归并), and one whose cause already has
 * an open task is attached to it; every outcome is recorded with its reason. No other module calls it: it listens to
 * the hazard module's events and takes alarms over HTTP, so all of it is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "触发式监管")
package org.anjian.trigger;
