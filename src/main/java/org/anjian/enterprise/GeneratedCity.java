package org.anjian.enterprise;

import org.anjian.enterprise.internal.CityLoader;
import org.springframework.stereotype.Service;

/**
 * A generated city for other modules' generators and benchmarks: makes sure the registry holds at least so many
 * generated enterprises (deterministic for a seed), loading the missing ones in bulk.
 */
@Service
public class GeneratedCity {

	private final CityLoader loader;

	GeneratedCity(CityLoader loader) {
		this.loader = loader;
	}

	/** Loads the city of {@code seed} up to {@code enterprises}; returns how many enterprises were added. */
	public long ensure(int enterprises, long seed) {
		return loader.load(seed, enterprises).inserted();
	}
}
