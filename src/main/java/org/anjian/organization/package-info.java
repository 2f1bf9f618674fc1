/**
 * Organization (组织): the jurisdictions of the city (市 → 区 → 街镇, from the national division codes), the
 * enforcement bodies that act in them (the city corps, one brigade per district, one body per street or town),
 * their officers with badge numbers and certifications, and the third-party experts kept apart from officers
 * because they may assist an inspection but never conduct one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "组织")
package org.anjian.organization;
