package org.anjian.enterprise.internal;

import java.util.List;

import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.shared.JurisdictionLevel;

/**
 * Which level supervises an enterprise by default (一企一层级): the first of the supervision rules, ordered by
 * priority, whose every condition holds; a condition left empty holds for any enterprise. A pure rule: the rules
 * and whether the enterprise is on the city's key list are loaded by the caller ({@link SupervisionRules}), once for
 * a whole import or generated city.
 */
public final class SupervisionPolicy {

	private final List<Rule> rules;

	public SupervisionPolicy(List<Rule> rules) {
		this.rules = List.copyOf(rules);
	}

	/** A rule and the level it gives, with its readable reason. */
	public record Decision(JurisdictionLevel level, String rule, String reason) {
	}

	/** One supervision rule as kept in {@code supervision_rule}; a null condition holds for any enterprise. */
	public record Rule(String code, String name, Boolean onCityList, Sector sector, Boolean keyUnit, List<Scale> scales,
			JurisdictionLevel level) {

		boolean holdsFor(Sector s, boolean key, Scale scale, boolean onList) {
			return (onCityList == null || onCityList == onList) && (sector == null || sector == s)
					&& (keyUnit == null || keyUnit == key) && (scales == null || scales.contains(scale));
		}
	}

	public Decision decide(Sector sector, boolean keyUnit, Scale scale, boolean onCityKeyList) {
		return rules.stream()
			.filter(rule -> rule.holdsFor(sector, keyUnit, scale, onCityKeyList))
			.findFirst()
			.map(rule -> new Decision(rule.level(), rule.code(), rule.name()))
			.orElseThrow(() -> new IllegalStateException("supervision_rule has no rule for every enterprise: add a default"));
	}

	public Decision decide(Enterprise enterprise, boolean onCityKeyList) {
		return decide(enterprise.sector(), enterprise.keyUnit(), enterprise.scale(), onCityKeyList);
	}
}
