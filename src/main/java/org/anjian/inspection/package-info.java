/**
 * Inspections (执法检查): the checklist library (items with their legal basis and applicability, the official
 * major-hazard criteria among them, versioned); inspection tasks from plan items, triggers or by hand with a
 * reason; the on-site inspection plan (现场检查方案) assembled by modules and approved by a leader; the record item
 * by item on a phone, saved as it goes; the inspection code (检查码) with the enterprise's rating (its public page is
 * the portal's and shows the score only; the comments are read by the inspecting body and leaders); the on-site inspection record as PDF; and the findings of a finished record, published with
 * {@link org.anjian.inspection.InspectionFinished} for the hazard module, which turns them into hazards. The module
 * reads only its own tables and depends on nothing of the hazard module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "执法检查")
package org.anjian.inspection;
