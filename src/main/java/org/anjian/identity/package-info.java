/**
 * Users and access (用户与权限): accounts with roles and a jurisdiction scope (city, one district or one
 * street/town), form login with CSRF protection and throttling of repeated failures, HTTP sessions kept in
 * PostgreSQL, and the source of the current {@link org.anjian.shared.Actor} whose scope the database applies to
 * every query. An enterprise's user belongs to its enterprise: the administrator links it on the account form, and
 * the officers within whose reach the enterprise lies open and link its users from the enterprise's file. Demo mode
 * seeds the demonstration accounts. Other modules use {@link org.anjian.identity.UserAccounts} and
 * {@link org.anjian.shared.Role}, and name the people their records keep through
 * {@link org.anjian.identity.DisplayNames} (as {@link org.anjian.shared.ActorNames}, which modules the identity module
 * itself depends on use too); the rest is {@code internal} and {@code web}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "用户与权限")
package org.anjian.identity;
