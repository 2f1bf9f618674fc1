package org.anjian.enterprise.internal;

import java.util.Set;

import org.anjian.enterprise.OperatingStatus;
import org.anjian.enterprise.RiskTag;
import org.anjian.enterprise.Sector;
import org.anjian.shared.JurisdictionLevel;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.Acting.as;
import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Searching the demo city (loaded on the first start of the test database) as the demo officers: name fragments
 * of two characters, credit-code prefixes and filters find the right files, and only within the caller's
 * jurisdiction; under row-level security the name index is still usable.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseSearchTests {

	@Autowired
	EnterpriseSearch search;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aTwoCharacterNameFragmentFindsExactlyTheNamesContainingItInTheOfficersDistrict() {
		EnterpriseSearch.Page putuo = as("putuo", () -> search.search(query("化工", null, null, null, null, null, 200)));
		long expected = asSystem(() -> jdbc.sql("select count(*) from enterprise where district_code = '310107'"
				+ " and name like '%化工%'").query(Long.class).single());
		assertThat(expected).as("the demo city has 化工 names in 普陀").isPositive();
		assertThat(putuo.total()).isEqualTo(expected);
		assertThat(putuo.rows()).allSatisfy(r -> {
			assertThat(r.name()).contains("化工");
			assertThat(r.districtCode()).isEqualTo("310107");
		});
		assertThat(putuo.rows()).extracting(EnterpriseSearch.Row::uscc).isSorted();
		EnterpriseSearch.Page city = as("city", () -> search.search(query("化工", null, null, null, null, null, 200)));
		assertThat(city.total()).isGreaterThan(putuo.total());
		// another district's names, whatever else other tests have loaded into the city before this one runs
		EnterpriseSearch.Page cityInPudong = as("city", () -> search.search(query("化工", "310115", null, null, null, null, 200)));
		assertThat(cityInPudong.rows()).isNotEmpty().allSatisfy(r -> {
			assertThat(r.name()).contains("化工");
			assertThat(r.districtCode()).isEqualTo("310115");
		});
	}

	@Test
	void aLongerFragmentMatchesTheWholeFragmentNotJustItsPieces() {
		String name = asSystem(() -> jdbc.sql("select name from enterprise where district_code = '310115' order by uscc limit 1")
			.query(String.class).single());
		String fragment = name.substring(2, Math.min(name.length(), 6)); // after 上海: brand and trade
		EnterpriseSearch.Page page = as("pudong", () -> search.search(query(fragment, null, null, null, null, null, 200)));
		assertThat(page.rows()).extracting(EnterpriseSearch.Row::name).contains(name).allMatch(n -> n.contains(fragment));
	}

	@Test
	void aCreditCodePrefixFindsTheCodesStartingWithItAndNeverAnotherDistricts() {
		// the district's first code comes first among those of its prefix, however many other tests imported after it
		String code = asSystem(() -> jdbc.sql("select uscc from enterprise where district_code = '310107' order by uscc limit 1")
			.query(String.class).single());
		String prefix = code.substring(0, 13).toLowerCase(); // lower case is accepted as a code is
		EnterpriseSearch.Page page = as("putuo", () -> search.search(query(prefix, null, null, null, null, null, 50)));
		assertThat(page.rows()).extracting(EnterpriseSearch.Row::uscc).contains(code)
			.allMatch(c -> c.startsWith(prefix.toUpperCase()));
		String pudongCode = asSystem(() -> jdbc.sql("select uscc from enterprise where district_code = '310115' limit 1")
			.query(String.class).single());
		assertThat(as("putuo", () -> search.search(query(pudongCode, null, null, null, null, null, 50))).rows()).isEmpty();
		assertThat(as("pudong", () -> search.search(query(pudongCode, null, null, null, null, null, 50))).rows())
			.extracting(EnterpriseSearch.Row::uscc).containsExactly(pudongCode);
	}

	@Test
	void filtersCombineAndAPutuoOfficerAskingForPudongGetsNothing() {
		EnterpriseSearch.Page tagged = as("city", () -> search.search(new EnterpriseQuery(null, "310115", null,
				Sector.INDUSTRY_TRADE, RiskTag.CONFINED_SPACE, null, null, OperatingStatus.OPERATING, 0, 200)));
		assertThat(tagged.rows()).isNotEmpty().allSatisfy(r -> {
			assertThat(r.districtCode()).isEqualTo("310115");
			assertThat(r.sector()).isEqualTo(Sector.INDUSTRY_TRADE);
			assertThat(r.riskTags()).contains(RiskTag.CONFINED_SPACE);
			assertThat(r.status()).isEqualTo(OperatingStatus.OPERATING);
		});
		EnterpriseSearch.Page streetLevel = as("putuo", () -> search.search(new EnterpriseQuery(null, null, "310107102",
				null, null, JurisdictionLevel.STREET, false, null, 0, 200)));
		assertThat(streetLevel.rows()).isNotEmpty().allSatisfy(r -> {
			assertThat(r.streetCode()).isEqualTo("310107102");
			assertThat(r.supervisionLevel()).isEqualTo(JurisdictionLevel.STREET);
			assertThat(r.keyUnit()).isFalse();
		});
		assertThat(as("putuo", () -> search.search(query(null, "310115", null, null, null, null, 200))).rows()).isEmpty();
		assertThat(as("putuo", () -> search.search(query(null, null, "310115005", null, null, null, 200))).rows()).isEmpty();
		assertThat(as("putuo", () -> search.search(query(null, null, null, null, null, null, 200))).rows())
			.isNotEmpty().allMatch(r -> r.districtCode().equals("310107"));
	}

	@Test
	void aStreetOfficerSeesOnlyTheirStreetAndCountsWhatTheySee() {
		EnterpriseSearch.Page page = as("changzheng", () -> search.search(query(null, null, null, null, null, null, 200)));
		assertThat(page.rows()).isNotEmpty().allMatch(r -> "310107102".equals(r.streetCode()));
		long visible = as("changzheng", () -> search.countVisible());
		assertThat(visible).isEqualTo(asSystem(() -> jdbc.sql("select count(*) from enterprise where street_code = '310107102'")
			.query(Long.class).single()));
		assertThat(as("putuo", () -> search.countVisible())).isGreaterThan(visible);
	}

	/** The grade is the grading module's; its filter condition finds exactly the files it graded so, in scope. */
	@Test
	void theGradeFilterFindsExactlyTheFilesOfThatGradeInTheCallersDistrict() {
		String grade = asSystem(() -> jdbc.sql("select grade from risk_grade where district_code = '310107'"
				+ " group by grade order by count(*) desc, grade limit 1").query(String.class).optional().orElse("A"));
		Set<String> graded = Set.copyOf(asSystem(() -> jdbc.sql("select e.uscc from enterprise e join risk_grade g"
				+ " on g.uscc = e.uscc where e.district_code = '310107' and g.grade = :grade")
			.param("grade", grade).query(String.class).list()));
		assertThat(graded).as("the demo city is graded").isNotEmpty();

		EnterpriseSearch.Page page = as("putuo", () -> search.search(new EnterpriseQuery(null, null, null, null, null,
				null, null, null, 0, 200, grade.toLowerCase())));

		assertThat(page.total()).isEqualTo(Math.min(graded.size(), EnterpriseSearch.COUNT_CAP));
		assertThat(page.rows()).isNotEmpty().allSatisfy(r -> assertThat(graded).contains(r.uscc()));
	}

	@Test
	void keyUnitsOfAStreetAreFound() {
		EnterpriseSearch.Page keys = as("city", () -> search.search(new EnterpriseQuery(null, null, "310116001", null, null,
				null, true, null, 0, 50)));
		assertThat(keys.rows()).extracting(EnterpriseSearch.Row::uscc).contains("91310000132212291W");
		assertThat(keys.rows()).allMatch(EnterpriseSearch.Row::keyUnit);
	}

	/**
	 * As the application's role in a district scope, with sequential and plain index scans disabled so that only
	 * a bitmap scan could serve: the name-gram index serves the leakproof containment operator, not the built-in
	 * one, which row security keeps from the index (why docs/adr/0005 exists).
	 */
	@Test
	void underRowSecurityTheNameIndexServesOnlyTheLeakproofOperator() {
		String leakproof = plan("operator(anjian_search.@>>)");
		assertThat(leakproof).contains("enterprise_name_grams");
		assertThat(plan("@>")).doesNotContain("enterprise_name_grams");
	}

	private String plan(String operator) {
		return as("putuo", () -> transactions.execute(status -> {
			jdbc.sql("set local enable_seqscan = off").update();
			jdbc.sql("set local enable_indexscan = off").update();
			String plan = String.join("\n", jdbc.sql("explain select uscc from enterprise where anjian_search.name_grams(name) "
					+ operator + " array['化工']").query(String.class).list());
			status.setRollbackOnly();
			return plan;
		}));
	}

	private static EnterpriseQuery query(String q, String district, String street, Sector sector, RiskTag tag,
			Boolean keyUnit, int size) {
		return new EnterpriseQuery(q, district, street, sector, tag, null, keyUnit, null, 0, size);
	}
}
