package org.anjian.shared;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON written by the platform outside a web response (a stored breakdown, a draw's strata), always through Jackson,
 * never by concatenating strings: a quote or a backslash in a value cannot break it. Decimals are written as typed
 * (1.5, never 1.5E+0), as PostgreSQL's numeric prints them.
 */
public final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private Json() {
	}

	public static String write(Object value) {
		return MAPPER.writeValueAsString(value);
	}
}
