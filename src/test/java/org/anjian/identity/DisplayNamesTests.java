package org.anjian.identity;

import java.util.Arrays;
import java.util.Map;

import org.anjian.shared.ActorName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.Acting.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The names of the actors records keep, as pages show them: a person by display name with the body they act for (an
 * officer) or their role, also when their account lies outside the reader's jurisdiction; the system with what it
 * was doing; an actor no account knows, as recorded; and the reader's jurisdiction is what it was after the look-up.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the other tests share
class DisplayNamesTests {

	@Autowired
	DisplayNames names;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void aDistrictOfficerReadsTheNamesOfPeopleOutsideTheDistrictAndOfTheSystem() {
		Map<String, ActorName> found = as("putuo", () -> names.displayNames(Arrays.asList("putuo", "leader", "city",
				"admin", "changzheng", "system:generate hazards", "system:job:hazard-deadlines", "nobody-known", null)));

		assertThat(found.get("putuo").label()).isEqualTo("刘洋（普陀区应急管理局执法大队）");
		assertThat(found.get("leader").label()).isEqualTo("林志强（上海市应急管理局执法总队 领导）");
		assertThat(found.get("city").label()).isEqualTo("王建国（上海市应急管理局执法总队）");
		assertThat(found.get("admin").label()).isEqualTo("系统管理员（上海市应急管理局执法总队）");
		assertThat(found.get("changzheng").name()).isEqualTo("何晨");
		assertThat(found.get("system:generate hazards").label()).isEqualTo("系统（生成隐患）");
		assertThat(found.get("system:job:hazard-deadlines").label()).isEqualTo("系统（定时任务：隐患整改期限检查）");
		assertThat(found.get("nobody-known").label()).isEqualTo("nobody-known");
		assertThat(found).doesNotContainKey(null);
	}

	@Test
	void theLookUpLeavesTheReadersJurisdictionAsItWasInTheSameTransaction() {
		long seen = as("putuo", () -> transactions.execute(status -> {
			names.displayNames(java.util.List.of("leader"));
			return jdbc.sql("select count(*) from app_user where username = 'leader'").query(Long.class).single();
		}));

		assertThat(seen).as("the city's leader stays outside 普陀's reach").isZero();
	}
}
