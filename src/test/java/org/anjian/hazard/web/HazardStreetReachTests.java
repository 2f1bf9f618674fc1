package org.anjian.hazard.web;

import java.util.concurrent.atomic.AtomicLong;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.hazard.HazardRectification;
import org.anjian.hazard.HazardStatus;
import org.anjian.hazard.internal.DepartmentNotification;
import org.anjian.hazard.internal.Department;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.as;
import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A hazard lies where its enterprise lies and is acted on by the body that found it: the district brigade of 普陀 finds
 * a hazard at an enterprise of 长征镇; 长征镇's officer reads it, its history and its notices, and is told who acts on it
 * (no forms, and an act sent anyway is refused in Chinese, by the page and by row-level security); 普陀's officer acts
 * on it; 浦东's officer does not find it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class HazardStreetReachTests {

	private static final String CHANGZHENG = "310107102";
	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	HazardRectification rectification;

	@Autowired
	DepartmentNotification notification;

	@Autowired
	JdbcClient jdbc;

	RequestPostProcessor officer(String username) {
		return user(users.loadUserByUsername(username));
	}

	/** A hazard the district brigade found (acting code 310107) at an enterprise of 长征镇, just found. */
	long foundByTheDistrictInChangzheng() {
		String uscc = asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", CHANGZHENG,
				"街镇可见隐患测试厂" + SEQUENCE.incrementAndGet()))).uscc();
		return asSystem(() -> jdbc.sql("""
				insert into hazard (district_code, street_code, acting_code, uscc, description, major, status, found_at)
				values ('310107', :street, '310107', :uscc, '配电箱未接地', false, 'FOUND', now()) returning id""")
			.param("street", CHANGZHENG).param("uscc", uscc).query(Long.class).single());
	}

	@Test
	void theStreetsOfficerReadsAHazardTheDistrictFoundInTheStreetAndIsToldWhoActsOnIt() throws Exception {
		long id = foundByTheDistrictInChangzheng();

		String page = mvc.perform(get("/hazards/{id}", id).with(officer("changzheng"))).andReturn().getResponse()
			.getContentAsString();

		assertThat(page).contains("配电箱未接地", "id=\"not-acting\"", "普陀区应急管理局执法大队", "检查发现，由其办理；您可以查看，但不能办理")
			.doesNotContain("id=\"order\"", "rectification-order\"");
		assertThat(mvc.perform(get("/hazards/{id}/notices", id).with(officer("changzheng"))).andReturn().getResponse()
			.getContentAsString()).doesNotContain("id=\"send\"");
	}

	@Test
	void theStreetsOfficerIsRefusedAnActOnItAndNothingChanges() throws Exception {
		long id = foundByTheDistrictInChangzheng();

		var refused = mvc.perform(post("/hazards/{id}/rectification-order", id).with(officer("changzheng")).with(csrf())
			.param("deadline", rectification.today().plusDays(20).toString())).andReturn().getResponse();

		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentAsString()).contains("检查发现，由其办理");
		assertThatThrownBy(() -> as("changzheng", () -> notification.send(id, new DepartmentNotification.NoticeOrder(
				Department.FIRE, null, "请核查消防设施", rectification.today().plusDays(10)))))
			.isInstanceOf(AccessDeniedException.class);
		assertThat(asSystem(() -> rectification.hazard(id)).status()).isEqualTo(HazardStatus.FOUND);
	}

	@Test
	void rowLevelSecurityLetsOnlyTheActingJurisdictionWriteTheHazard() {
		long id = foundByTheDistrictInChangzheng();

		int byStreet = as("changzheng", () -> jdbc.sql("update hazard set deadline = current_date + 20 where id = :id")
			.param("id", id).update());
		int byDistrict = as("putuo", () -> jdbc.sql("update hazard set deadline = current_date + 20 where id = :id")
			.param("id", id).update());

		assertThat(byStreet).as("the street reads the row but may not write it").isZero();
		assertThat(byDistrict).isEqualTo(1);
	}

	@Test
	void theDistrictActsOnItAndAnotherDistrictDoesNotFindIt() throws Exception {
		long id = foundByTheDistrictInChangzheng();

		var done = mvc.perform(post("/hazards/{id}/rectification-order", id).with(officer("putuo")).with(csrf())
			.param("deadline", rectification.today().plusDays(20).toString())).andReturn().getResponse();

		assertThat(done.getStatus()).isEqualTo(302);
		assertThat(asSystem(() -> rectification.hazard(id)).status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(mvc.perform(get("/hazards/{id}", id).with(officer("changzheng"))).andReturn().getResponse()
			.getContentAsString()).contains("责令限期整改", "id=\"history\"", "刘洋（普陀区应急管理局执法大队）")
			.doesNotContain(">putuo<");
		assertThat(mvc.perform(get("/hazards/{id}", id).with(officer("pudong"))).andReturn().getResponse().getStatus())
			.isEqualTo(404);
	}
}
