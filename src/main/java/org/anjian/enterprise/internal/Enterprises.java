package org.anjian.enterprise.internal;

import org.anjian.enterprise.Enterprise;
import org.springframework.data.repository.ListCrudRepository;

/** The enterprise files the caller may see: those of their jurisdiction, or an enterprise's own file. */
public interface Enterprises extends ListCrudRepository<Enterprise, String> {
}
