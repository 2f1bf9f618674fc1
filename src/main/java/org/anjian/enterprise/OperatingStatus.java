package org.anjian.enterprise;

import java.util.Set;

/**
 * Whether the enterprise operates.
 *
 * <pre>
 *   OPERATING (在业) ──suspend──▶ SUSPENDED (停业)
 *       ▲  ◀──────resume──────────┘   │
 *       │                             │
 *       └──deregister──▶ DEREGISTERED (注销) ◀──deregister──┘   (final)
 * </pre>
 */
public enum OperatingStatus {

	OPERATING, SUSPENDED, DEREGISTERED;

	public Set<OperatingStatus> next() {
		return switch (this) {
			case OPERATING -> Set.of(SUSPENDED, DEREGISTERED);
			case SUSPENDED -> Set.of(OPERATING, DEREGISTERED);
			case DEREGISTERED -> Set.of();
		};
	}

	public boolean allows(OperatingStatus target) {
		return next().contains(target);
	}
}
