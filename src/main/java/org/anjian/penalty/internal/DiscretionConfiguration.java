package org.anjian.penalty.internal;

import org.anjian.penalty.DiscretionSettings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The body's discretion settings (本机关设定), from the application's properties, defaults as documented in README. */
@Configuration(proxyBeanMethods = false)
class DiscretionConfiguration {

	@Bean
	DiscretionSettings discretionSettings(@Value("${anjian.penalty.lighter-share:0.3}") double lighterShare,
			@Value("${anjian.penalty.heavier-share:0.7}") double heavierShare,
			@Value("${anjian.penalty.round-to-yuan:100}") long roundTo,
			@Value("${anjian.penalty.hearing-unit-yuan:50000}") long hearingUnit,
			@Value("${anjian.penalty.hearing-person-yuan:20000}") long hearingPerson) {
		return new DiscretionSettings(lighterShare, heavierShare, roundTo, hearingUnit, hearingPerson);
	}
}
