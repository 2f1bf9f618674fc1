/**
 * Inspections (执法检查): the checklist library (items with their legal basis and applicability, the official
 * major-hazard criteria among them, versioned); inspection tasks from plan items, triggers or by hand with a
 * reason; the on-site inspection plan (现场检查方案) assembled by modules and approved by a leader; the record item
 * by item on a phone, saved as it goes; the inspection code (检查码) with its public page and the enterprise's
 * rating; the enforcement documents as PDF; and the hazards an inspection finds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "执法检查")
package org.anjian.inspection;
