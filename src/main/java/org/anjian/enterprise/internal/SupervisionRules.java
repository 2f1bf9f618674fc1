package org.anjian.enterprise.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.enterprise.Scale;
import org.anjian.enterprise.Sector;
import org.anjian.shared.JurisdictionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The supervision rules and the city's key list as kept in the database ({@code supervision_rule},
 * {@code city_key_list}): what {@link SupervisionPolicy} decides from.
 */
@Component
public class SupervisionRules {

	private final JdbcClient jdbc;

	SupervisionRules(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The policy of the rules as they stand now, ordered by priority. */
	public SupervisionPolicy policy() {
		return new SupervisionPolicy(rules());
	}

	/** Whether the city lists this enterprise among its key units. */
	public boolean onCityKeyList(String uscc) {
		return jdbc.sql("select exists (select 1 from city_key_list where uscc = :uscc)")
			.param("uscc", uscc)
			.query(Boolean.class)
			.single();
	}

	/** Those of these enterprises the city lists among its key units, in one query (an import). */
	public Set<String> onCityKeyList(Collection<String> usccs) {
		return Set.copyOf(jdbc.sql("select uscc from city_key_list where uscc = any(:codes)")
			.param("codes", usccs.toArray(String[]::new))
			.query(String.class)
			.list());
	}

	/** The whole city key list (a generated city). */
	public Set<String> cityKeyList() {
		return Set.copyOf(jdbc.sql("select uscc from city_key_list").query(String.class).list());
	}

	/** Each rule's code with its readable name, for pages that say why an enterprise has its level. */
	public Map<String, String> ruleNames() {
		Map<String, String> names = new LinkedHashMap<>();
		rules().forEach(rule -> names.put(rule.code(), rule.name()));
		return names;
	}

	List<SupervisionPolicy.Rule> rules() {
		return jdbc.sql("select code, name, on_city_list, sector, key_unit, scales, level from supervision_rule order by priority")
			.query((rs, n) -> new SupervisionPolicy.Rule(rs.getString("code"), rs.getString("name"),
					(Boolean) rs.getObject("on_city_list"),
					rs.getString("sector") == null ? null : Sector.valueOf(rs.getString("sector")),
					(Boolean) rs.getObject("key_unit"),
					rs.getArray("scales") == null ? null
							: Arrays.stream((String[]) rs.getArray("scales").getArray()).map(Scale::valueOf).toList(),
					JurisdictionLevel.valueOf(rs.getString("level"))))
			.list();
	}
}
