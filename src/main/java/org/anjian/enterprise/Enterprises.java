package org.anjian.enterprise;

import org.springframework.data.repository.ListCrudRepository;

/** The enterprise files the caller may see: those of their jurisdiction, or an enterprise's own file. */
public interface Enterprises extends ListCrudRepository<Enterprise, String> {
}
