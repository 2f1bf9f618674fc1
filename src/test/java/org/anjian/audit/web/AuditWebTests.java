package org.anjian.audit.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.doReturn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.Optional;

import javax.sql.DataSource;

import org.anjian.Acting;
import org.anjian.audit.DatabaseSuperuser;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.shared.Actor;
import org.anjian.shared.CurrentActor;
import org.anjian.shared.JurisdictionScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The audit trail over HTTP: only administrators reach it, verification answers JSON or renders on the page,
 * and bad queries answer problem details. A plain test user has no jurisdiction (the database shows them
 * nothing), so tests that list records stand in a city-wide actor for the logged-in administrator.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditWebTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	DataSource dataSource;

	@MockitoSpyBean
	CurrentActor actors;

	@Autowired
	EnterpriseRegistry registry;

	@Test
	void verifyAsAdminAnswersIntactChainAsJson() {
		assertThat(mvc.get().uri("/api/audit/verify").with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.intact").isEqualTo(true);
				assertThat(json).extractingPath("$.rowsChecked").asNumber().satisfies(n -> assertThat(n.longValue()).isPositive());
				assertThat(json).extractingPath("$.firstBrokenSeq").isNull();
				assertThat(json).extractingPath("$.reason").asString().startsWith("哈希链完整");
				assertThat(json).extractingPath("$.checkedAt").asString().endsWith("Z");
			});
	}

	@Test
	void verifyAsNonAdminIsForbidden() {
		assertThat(mvc.get().uri("/api/audit/verify").with(user("officer").roles("CITY_OFFICER")))
			.hasStatus(403)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void verifyWithoutLoginIsUnauthorized() {
		assertThat(mvc.get().uri("/api/audit/verify")).hasStatus(401);
	}

	@Test
	void historyListsAnEntitysRecordsWithStatesAsJson() {
		actAsCityAdministrator();

		assertThat(mvc.get().uri("/api/audit").param("entityType", "jurisdiction").param("entityId", "310000")
			.with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.length()").isEqualTo(1);
				assertThat(json).extractingPath("$[0].action").isEqualTo("insert");
				assertThat(json).extractingPath("$[0].afterState.name").isEqualTo("上海市");
				assertThat(json).extractingPath("$[0].beforeState").isNull();
			});
	}

	@Test
	void historyWithoutEntityTypeAnswersProblemDetailInChinese() {
		assertThat(mvc.get().uri("/api/audit").param("entityId", "310000").with(user("admin").roles("ADMIN")))
			.hasStatus(400)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.satisfies(json -> {
				assertThat(json).extractingPath("$.detail").asString().contains("实体类型");
				assertThat(json).extractingPath("$.errors.entityType").asString().contains("实体类型");
			});
	}

	@Test
	void adminPageListsTheLatestRecordsAndOffersVerificationWithCsrfToken() throws Exception {
		actAsCityAdministrator();
		long last = headSeq();

		assertThat(mvc.get().uri("/admin/audit").with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("<title>全过程记录 · 安监</title>", "action=\"/admin/audit/verify\"", "name=\"_csrf\"",
					"查找记录", "<td>" + last + "</td>", "<td>" + (last - 49) + "</td>", "class=\"pagination")
			.doesNotContain("<td>" + (last - 50) + "</td>", "暂无记录");
		assertThat(mvc.get().uri("/admin/audit").param("page", "2").with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("<td>" + (last - 50) + "</td>", "<td>" + (last - 99) + "</td>")
			.doesNotContain("<td>" + last + "</td>");
	}

	@Test
	void aRecordShowsItsRowInWordsWithItsPageItsActionsLabelAndItsActorsName() {
		actAsCityAdministrator();

		assertThat(mvc.get().uri("/admin/audit").param("entityType", "jurisdiction").param("entityId", "310000")
			.with(user("admin").roles("ADMIN"))).hasStatusOk()
			.bodyText()
			.contains("href=\"/organization/jurisdictions/310000\">行政区划 310000</a>", "title=\"insert\">新增</td>",
					"系统（数据库升级）")
			.doesNotContain(">system:migration<", "暂无记录");
	}

	@Test
	void anEnterprisesCreditCodeFindsTheRecordsOfItsRowsWithTheOfficersName() {
		String uscc = Acting.as("putuo", () -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005",
				"审计查找测试厂" + System.nanoTime()))).uscc();
		actAsCityAdministrator();

		assertThat(mvc.get().uri("/admin/audit").param("entityId", uscc.toLowerCase()).with(user("admin").roles("ADMIN")))
			.hasStatusOk()
			.bodyText()
			.contains("企业档案 " + uscc, "href=\"/enterprises/" + uscc + "\"", "登记建档", "刘洋（普陀区应急管理局执法大队）",
					"href=\"/admin/audit?actor=putuo\"")
			.doesNotContain(">putuo<");
		assertThat(mvc.get().uri("/admin/audit").param("actor", "putuo").param("action", "enterprise.register")
			.with(user("admin").roles("ADMIN"))).bodyText().contains("企业档案 " + uscc);
	}

	@Test
	void aSearchItCannotRunIsRefusedInChinese() {
		actAsCityAdministrator();

		assertThat(mvc.get().uri("/admin/audit").param("entityId", "17").with(user("admin").roles("ADMIN")))
			.hasStatusOk()
			.bodyText()
			.contains("按编号查找时请同时选择对象类型");
		assertThat(mvc.get().uri("/admin/audit").param("from", "2026-02-01").param("to", "2026-01-01")
			.with(user("admin").roles("ADMIN"))).bodyText().contains("结束日期不能早于开始日期");
		assertThat(mvc.get().uri("/admin/audit").param("from", "2026-13-01").with(user("admin").roles("ADMIN")))
			.bodyText().contains("格式不正确");
	}

	@Test
	void daysNarrowTheSearchToWhatWasRecordedThen() {
		actAsCityAdministrator();

		assertThat(mvc.get().uri("/admin/audit").param("from", "2001-01-01").param("to", "2001-12-31")
			.with(user("admin").roles("ADMIN"))).bodyText().contains("没有符合条件的记录");
	}

	@Test
	void adminVerificationShowsIntactChainAndRecordsChecked() {
		assertThat(mvc.post().uri("/admin/audit/verify").with(user("admin").roles("ADMIN")).with(csrf()))
			.hasStatusOk()
			.bodyText()
			.contains("哈希链完整", "已核验记录", "北京时间")
			.doesNotContain("首个异常记录");
	}

	@Test
	void adminVerificationNamesTheFirstTamperedRecord() throws Exception {
		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource).bypassingTriggers()) {
			superuser.execute("create temp table original as select * from audit_record where seq = 2");
			superuser.execute("update audit_record set actor = 'mallory' where seq = 2");
			try {
				assertThat(mvc.post().uri("/admin/audit/verify").with(user("admin").roles("ADMIN")).with(csrf()))
					.hasStatusOk()
					.bodyText()
					.contains("哈希链已损坏", "首个异常记录", "第 2 条", "第 2 条记录的内容与其哈希不符（记录被篡改）");
			}
			finally {
				superuser.execute("update audit_record a set actor = o.actor from original o where a.seq = o.seq");
			}
		}
		assertThat(mvc.post().uri("/admin/audit/verify").with(user("admin").roles("ADMIN")).with(csrf()))
			.bodyText()
			.contains("哈希链完整");
	}

	@Test
	void adminVerificationWithoutCsrfTokenIsRefused() {
		assertThat(mvc.post().uri("/admin/audit/verify").with(user("admin").roles("ADMIN"))).hasStatus(403);
	}

	@Test
	void adminPageIsForbiddenToOfficers() {
		assertThat(mvc.get().uri("/admin/audit").with(user("officer").roles("CITY_OFFICER"))).hasStatus(403);
	}

	private void actAsCityAdministrator() {
		doReturn(Optional.of(new Actor("admin", null, JurisdictionScope.city()))).when(actors).current();
	}

	private long headSeq() throws Exception {
		try (DatabaseSuperuser superuser = DatabaseSuperuser.connect(dataSource)) {
			return (Long) superuser.queryForObject("select last_seq from audit_chain_head");
		}
	}
}
