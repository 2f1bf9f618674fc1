/**
 * Hazard closure (隐患治理): every hazard an inspection finds, with its owner, its rectification deadline and its
 * state — found, being rectified, evidence submitted, verified closed (销号) — so that none is forgotten; overdue
 * is derived from the deadline and the clock. Listed supervision (挂牌督办), notification to other departments
 * (抄告) and triggered inspections follow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "隐患治理")
package org.anjian.hazard;
