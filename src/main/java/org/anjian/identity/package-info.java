/**
 * Users and access (用户与权限): accounts with roles and a jurisdiction scope (city, one district or one
 * street/town), form login with CSRF protection and throttling of repeated failures, HTTP sessions kept in
 * PostgreSQL, and the source of the current {@link org.anjian.shared.Actor} whose scope the database applies to
 * every query. Administrators manage accounts; demo mode seeds the demonstration accounts.
 */
@org.springframework.modulith.ApplicationModule(displayName = "用户与权限")
package org.anjian.identity;
