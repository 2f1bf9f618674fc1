package org.anjian.inspection;

import java.time.LocalDate;
import java.util.List;

import org.anjian.TestYears;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Over-inspection: counted across every body, and a third visit by the same officer after two clean ones. */
@SpringBootTest
@AutoConfigureMockMvc
class OverInspectionPolicyTests {

	@Autowired
	Inspections inspections;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	long body(String jurisdiction) {
		return asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = :j").param("j", jurisdiction)
			.query(Long.class).single());
	}

	long officer(String name, long body) {
		return asSystem(() -> jdbc.sql("select id from officer where name = :n and body_id = :b").param("n", name)
			.param("b", body).query(Long.class).single());
	}

	@Test
	void theTaskPageWarnsOfAnInspectionTheSameDayByAnotherBodyThatTheOfficerCannotSee() throws Exception {
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "多头检查测试机械厂")))
			.uscc();
		LocalDate day = LocalDate.of(TestYears.fresh(), 6, 18);
		long city = body("310000");
		// the city corps' own task, outside 普陀's jurisdiction
		asSystem(() -> jdbc.sql("""
				insert into inspection_task (body_id, uscc, origin, reason, matters, planned_on, status, code_token, created_by)
				values (:body, :uscc, 'MANUAL', '市级专项督查', array['隐患排查治理'], :day, 'OPEN', :token, 'city')""")
			.param("body", city).param("uscc", uscc).param("day", day).param("token", InspectionCodes.newToken()).update());
		InspectionTask own = asSystem(() -> inspections.open(body("310107"), uscc, "举报核查", List.of("隐患排查治理"), day,
				"putuo"));

		String page = mvc.perform(get("/inspections/{id}", own.id()).with(user(users.loadUserByUsername("putuo"))))
			.andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

		assertThat(page).contains("over-inspection", "当天已有 1 次检查（各执法主体合计）");
		assertThat(page).doesNotContain("市级专项督查");
	}

	@Test
	void aThirdVisitByTheSameOfficerAfterTwoWithoutFindingsNeedsAReason() {
		long putuo = body("310107");
		long lead = officer("刘洋", putuo);
		long second = officer("孙丽", putuo);
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005", "重复检查测试机械厂")))
			.uscc();
		for (int i = 1; i <= 2; i++) {
			int month = i;
			asSystem(() -> jdbc.sql("""
					insert into inspection_task (body_id, district_code, uscc, origin, reason, matters, planned_on, status,
					    code_token, lead_officer_id, second_officer_id, finished_at, created_by)
					values (:body, '310107', :uscc, 'MANUAL', '例行', array['隐患排查治理'], :day, 'FINISHED', :token, :lead,
					    :second, :day, 'putuo')""")
				.param("body", putuo).param("uscc", uscc).param("day", LocalDate.now().minusMonths(month))
				.param("token", InspectionCodes.newToken()).param("lead", lead).param("second", second).update());
		}
		InspectionTask third = asSystem(() -> inspections.open(putuo, uscc, "复查", List.of("隐患排查治理"), LocalDate.now(),
				"putuo"));

		assertThatThrownBy(() -> asSystem(() -> inspections.assign(third.id(), lead, second, null, null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("第三次检查须写明理由");
		assertThat(asSystem(() -> inspections.task(third.id())).leadOfficerId()).isNull();

		InspectionTask assigned = asSystem(() -> inspections.assign(third.id(), lead, second, "举报线索指向该企业", null));
		assertThat(assigned.repeatReason()).isEqualTo("举报线索指向该企业");
	}
}
