package org.anjian.shared.database;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo mode seeds demonstration accounts (password {@code anjian2026}) and a little data. It is on by default
 * with the embedded database and off with an external one; {@code ANJIAN_DEMO=true|false} decides otherwise.
 */
@Component
public class DemoMode {

	/** The password of every demonstration account (never of a real one: outside demo mode none is known). */
	public static final String PASSWORD = "anjian2026";

	private final boolean enabled;

	DemoMode(Environment environment, DatabaseProperties database) {
		this.enabled = environment.getProperty("anjian.demo", Boolean.class,
				environment.getProperty("ANJIAN_DEMO", Boolean.class, !database.external()));
	}

	public boolean enabled() {
		return enabled;
	}
}
