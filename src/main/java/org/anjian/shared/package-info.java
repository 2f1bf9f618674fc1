/**
 * Shared kernel (公共): value types every module speaks ({@link org.anjian.shared.JurisdictionScope},
 * {@link org.anjian.shared.DivisionCode}), the domain exception types, the interfaces through which the identity
 * module tells who acts ({@link org.anjian.shared.CurrentActor}) and names the actors records keep
 * ({@link org.anjian.shared.ActorNames}), and the technical platform that carries no business rule: the database (embedded or external PostgreSQL, with the caller's jurisdiction set on every
 * connection so that row-level security scopes every query), problem-detail error handling and the command
 * line. It is open: every module may use any of it.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.anjian.shared;
