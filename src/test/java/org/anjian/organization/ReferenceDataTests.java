package org.anjian.organization;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;

/** The migrations load Shanghai's divisions, GB/T 4754-2017 and one enforcement body per jurisdiction. */
@SpringBootTest
class ReferenceDataTests {

	@Autowired
	Jurisdictions jurisdictions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void shanghaiHasSixteenDistrictsAndTwoHundredFifteenStreetsAndTowns() {
		assertThat(jurisdictions.countByLevel("CITY")).isEqualTo(1);
		assertThat(jurisdictions.countByLevel("DISTRICT")).isEqualTo(16);
		assertThat(jurisdictions.countByLevel("STREET")).isEqualTo(215);
		assertThat(jurisdictions.streetsOf("310115")).hasSize(36);
		assertThat(jurisdictions.findById("310107102")).get().extracting(Jurisdiction::name).isEqualTo("长征镇");
		assertThat(jurisdictions.findById("310151")).get().extracting(Jurisdiction::name).isEqualTo("崇明区");
	}

	@Test
	void everyJurisdictionHasExactlyOneEnforcementBody() {
		long[] counts = asSystem(() -> jdbc.sql("""
				select (select count(*) from jurisdiction),
				       (select count(distinct jurisdiction_code) from enforcement_body),
				       (select count(*) from enforcement_body where name = '上海市应急管理局执法总队' and level = 'CITY')
				""").query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) }).single());
		assertThat(counts[1]).isEqualTo(counts[0]);
		assertThat(counts[2]).isEqualTo(1);
	}

	@Test
	void industryClassificationKeepsUnverifiedMappingsFlagged() {
		assertThat(jdbc.sql("select count(*) from industry_section").query(Long.class).single()).isEqualTo(20);
		assertThat(jdbc.sql("select count(*) from industry_division").query(Long.class).single()).isEqualTo(97);
		assertThat(jdbc.sql("select verified from industry_division where code = '13'").query(Boolean.class).single())
			.as("轻工(unverified)").isFalse();
		assertThat(jdbc.sql("select name from industry_division where code = '26'").query(String.class).single())
			.isEqualTo("化学原料和化学制品制造业");
	}
}
