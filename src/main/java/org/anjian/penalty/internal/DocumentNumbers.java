package org.anjian.penalty.internal;

import java.util.Map;

import org.anjian.organization.EnforcementBody;
import org.anjian.organization.Jurisdictions;
import org.anjian.penalty.PenaltyDocument.Kind;
import org.anjian.shared.JurisdictionLevel;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * How a body writes its documents' numbers (文号), e.g. 沪普应急罚告〔2027〕3号: no reference data gives a body's short
 * name or its pattern, so both are settings of the body (本机关设定). {@code anjian.penalty.document-number} is the
 * pattern, with {@code {body}} (the body's short name), {@code {kind}} (the document's word: 立, 告, 决 …),
 * {@code {year}} and {@code {n}}; {@code anjian.penalty.body-short-names.<division code>} names a body, and without it
 * the name is taken from its place: nothing for the city corps (沪应急罚…), the district's first character for a
 * district brigade (普陀区 → 普), and for a street body that character with the street's first two (普 + 长征).
 */
@Component
public class DocumentNumbers {

	public static final String DEFAULT_PATTERN = "沪{body}应急罚{kind}〔{year}〕{n}号";

	private final String pattern;
	private final Environment environment;
	private final Jurisdictions jurisdictions;

	DocumentNumbers(Environment environment, Jurisdictions jurisdictions) {
		this.environment = environment;
		this.jurisdictions = jurisdictions;
		this.pattern = environment.getProperty("anjian.penalty.document-number", DEFAULT_PATTERN);
		if (!pattern.contains("{n}") || !pattern.contains("{year}") || !pattern.contains("{kind}")) {
			throw new IllegalArgumentException("anjian.penalty.document-number 须含 {kind}、{year} 和 {n}，不是 " + pattern);
		}
	}

	/** The number of the n-th document of that kind the body issued in that year. */
	public String number(String shortName, Kind kind, int year, int n) {
		return pattern.replace("{body}", shortName).replace("{kind}", kind.letter())
			.replace("{year}", Integer.toString(year)).replace("{n}", Integer.toString(n));
	}

	/** The body's short name: its setting, or one taken from its place. */
	public String shortName(EnforcementBody body) {
		String configured = environment.getProperty("anjian.penalty.body-short-names." + body.jurisdictionCode());
		if (configured != null) {
			return configured.strip();
		}
		if (body.level() == JurisdictionLevel.CITY) {
			return "";
		}
		Map<String, String> names = jurisdictions.namesOf(
				body.streetCode() == null ? java.util.List.of(body.districtCode())
						: java.util.List.of(body.districtCode(), body.streetCode()));
		String district = first(names.get(body.districtCode()), 1);
		if (body.level() == JurisdictionLevel.DISTRICT || body.streetCode() == null) {
			return district;
		}
		return district + first(names.get(body.streetCode()), 2);
	}

	private static String first(String name, int characters) {
		if (name == null || name.isEmpty()) {
			return "";
		}
		return name.substring(0, Math.min(characters, name.length()));
	}
}
