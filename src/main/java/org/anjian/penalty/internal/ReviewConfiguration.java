package org.anjian.penalty.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The body's case-file review settings (本机关设定), from the application's properties. */
@Configuration(proxyBeanMethods = false)
class ReviewConfiguration {

	@Bean
	ReviewSettings reviewSettings(@Value("${anjian.penalty.review.share:0.2}") double share,
			@Value("${anjian.penalty.review.major-fine-yuan:50000}") long majorFineYuan,
			@Value("${anjian.penalty.review.excellent-from:90}") int excellentFrom,
			@Value("${anjian.penalty.review.pass-from:75}") int passFrom) {
		return new ReviewSettings(share, majorFineYuan, excellentFrom, passFrom);
	}
}
