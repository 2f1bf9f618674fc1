package org.anjian.shared;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in Beijing time. Every rule that depends on the day (deadlines, overdue,
 * grade windows, plan years) reads it, never the system clock itself, so that a test moves time by moving this
 * clock instead of rewriting rows.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	Clock clock() {
		return Clock.system(Zone.SHANGHAI);
	}
}
