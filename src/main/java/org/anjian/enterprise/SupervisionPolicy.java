package org.anjian.enterprise;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.anjian.shared.JurisdictionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which level supervises an enterprise by default (一企一层级): the first of the supervision rules, kept as data
 * in {@code supervision_rule} and ordered by priority, whose every condition holds. A condition left empty holds
 * for any enterprise.
 */
@Component
public class SupervisionPolicy {

	private final JdbcClient jdbc;

	SupervisionPolicy(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A rule and the level it gives, with its readable reason. */
	public record Decision(JurisdictionLevel level, String rule, String reason) {
	}

	record Rule(String code, String name, Boolean onCityList, Sector sector, Boolean keyUnit, List<Scale> scales,
			JurisdictionLevel level) {

		boolean holdsFor(Sector s, boolean key, Scale scale, boolean onList) {
			return (onCityList == null || onCityList == onList) && (sector == null || sector == s)
					&& (keyUnit == null || keyUnit == key) && (scales == null || scales.contains(scale));
		}
	}

	/**
	 * The rules as they stand, read once, to decide many enterprises without a query each (a bulk load); the
	 * same first-match-by-priority as {@link #decide(Enterprise)}.
	 */
	public static final class Rules {

		private final List<Rule> rules;

		private Rules(List<Rule> rules) {
			this.rules = List.copyOf(rules);
		}

		public Decision decide(Sector sector, boolean keyUnit, Scale scale, boolean onCityList) {
			return rules.stream()
				.filter(rule -> rule.holdsFor(sector, keyUnit, scale, onCityList))
				.findFirst()
				.map(rule -> new Decision(rule.level(), rule.code(), rule.name()))
				.orElseThrow(() -> new IllegalStateException("supervision_rule has no rule for every enterprise: add a default"));
		}
	}

	public Rules currentRules() {
		return new Rules(rules());
	}

	public Decision decide(Enterprise enterprise) {
		boolean onList = jdbc.sql("select exists (select 1 from city_key_list where uscc = :uscc)")
			.param("uscc", enterprise.uscc())
			.query(Boolean.class)
			.single();
		return currentRules().decide(enterprise.sector(), enterprise.keyUnit(), enterprise.scale(), onList);
	}

	/**
	 * The same decision for many enterprises (an import): the rules and the city key list are read once, not
	 * twice per enterprise.
	 */
	public Function<Enterprise, Decision> deciderFor(Collection<String> usccs) {
		Rules rules = currentRules();
		Set<String> onList = new HashSet<>(jdbc.sql("select uscc from city_key_list where uscc = any(:codes)")
			.param("codes", usccs.toArray(String[]::new))
			.query(String.class)
			.list());
		return e -> rules.decide(e.sector(), e.keyUnit(), e.scale(), onList.contains(e.uscc()));
	}

	/** Each rule's code with its readable name, for pages that say why an enterprise has its level. */
	public Map<String, String> ruleNames() {
		Map<String, String> names = new LinkedHashMap<>();
		rules().forEach(rule -> names.put(rule.code(), rule.name()));
		return names;
	}

	List<Rule> rules() {
		return jdbc.sql("select code, name, on_city_list, sector, key_unit, scales, level from supervision_rule order by priority")
			.query((rs, n) -> new Rule(rs.getString("code"), rs.getString("name"),
					(Boolean) rs.getObject("on_city_list"),
					rs.getString("sector") == null ? null : Sector.valueOf(rs.getString("sector")),
					(Boolean) rs.getObject("key_unit"),
					rs.getArray("scales") == null ? null
							: Arrays.stream((String[]) rs.getArray("scales").getArray()).map(Scale::valueOf).toList(),
					JurisdictionLevel.valueOf(rs.getString("level"))))
			.list();
	}
}
