package org.anjian.shared;

/** An aggregate with an optimistic-locking version (Spring Data's {@code @Version}), read by the official-act template. */
public interface Versioned {

	Integer version();
}
