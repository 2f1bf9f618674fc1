/**
 * Hazard closure (隐患治理): every hazard an inspection finds, with its owner, its rectification deadline and its
 * state — found, being rectified, evidence submitted, verified closed (销号) — so that none is forgotten. The
 * hazards are born here from the findings of a finished inspection record, each ordered rectified by the deadline of
 * the rectification deadline policy in the finishing transaction; this module prints the rectification orders, keeps
 * the hazards as facts of the enterprise's grade while open, takes the enterprise's report and the officer's
 * re-inspection, and watches the deadlines every night (overdue is derived from the deadline and the day;
 * the job marks each passed deadline once, on one instance of the cluster). Listed supervision (挂牌督办) and
 * notification to other departments (抄告) follow the major ones from above. A hazard lies where its enterprise lies,
 * for everyone whose jurisdiction covers that place to read, and is acted on by the body that found it and those
 * above it (internal {@code HazardActPolicy}; row-level security on the hazard's own row). Other modules use its
 * events and {@link org.anjian.hazard.HazardRectification} (the acts of closure, and the hazards of a task with their
 * state).
 */
@org.springframework.modulith.ApplicationModule(displayName = "隐患治理")
package org.anjian.hazard;
