package org.anjian.shared.web;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address the public reaches the portal at, for the QR codes printed on documents and shown on pages. Behind a
 * proxy the request's own address may be an internal one, and a printed code must outlive any of them:
 * {@code anjian.public-base-url} fixes it; without it the current request's address serves (enough for a single
 * machine and for tests).
 */
@Component
public class PublicBaseUrl {

	private final String configured;

	public PublicBaseUrl(@Value("${anjian.public-base-url:}") String configured) {
		this.configured = configured == null ? "" : configured.trim();
	}

	public String get() {
		return configured.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString() : configured;
	}
}
