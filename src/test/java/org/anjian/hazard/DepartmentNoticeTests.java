package org.anjian.hazard;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;

import org.anjian.Acting;
import org.anjian.MovableClock;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.HazardFixtures.Found;
import org.anjian.hazard.internal.Department;
import org.anjian.hazard.internal.DepartmentNotice;
import org.anjian.hazard.internal.DepartmentNotification;
import org.anjian.hazard.internal.NoticeStatus;
import org.anjian.identity.UserAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Notification to another department (抄告) from the officer's pages, on the embedded PostgreSQL: the notice sent, its
 * letter (抄告函) read back by Debian's {@code pdftotext}, the reply recorded once, a notice past its reply-by day shown
 * as awaiting reply overdue; and none of it reachable from another district or by the enterprise.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DepartmentNoticeTests {

	@Autowired
	DepartmentNotification notification;

	@Autowired
	HazardRectification rectification;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserAccounts accounts;

	@Autowired
	UserDetailsService users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	MovableClock clock;

	HazardFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new HazardFixtures(registry, jdbc, rectification, accounts);
	}

	RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	DepartmentNotice send(Found hazard, String department, String name, String request) throws Exception {
		MvcResult sent = mvc.perform(post("/hazards/{id}/notices", hazard.id()).with(as("putuo")).with(csrf())
			.param("department", department).param("departmentName", name).param("request", request)
			.param("replyBy", LocalDate.now().plusDays(15).toString())).andReturn();
		assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/hazards/" + hazard.id() + "/notices");
		assertThat(sent.getFlashMap().get("refused")).isNull();
		return Acting.as("putuo", () -> notification.ofHazard(hazard.id())).get(0);
	}

	@Test
	void theNoticeLetterNamesTheDepartmentTheEnterpriseAndTheHazardInChinese() throws Exception {
		Found hazard = fixtures.rectifying("抄告函测试化工", "甲类仓库内设置员工宿舍", true);
		DepartmentNotice notice = send(hazard, "FIRE", "普陀区消防救援支队", "依法查处仓库内设置员工宿舍的消防违法行为");
		assertThat(notice.department()).isEqualTo(Department.FIRE);
		assertThat(notice.status()).isEqualTo(NoticeStatus.SENT);
		assertThat(notice.sentBy()).isEqualTo("putuo");

		String text = squeezed(pdfText(mvc.perform(get("/hazards/{id}/notices/{n}.pdf", hazard.id(), notice.id())
			.with(as("putuo"))).andReturn().getResponse()));
		String body = Acting.asSystem(() -> jdbc.sql("select name from enforcement_body where id = :b")
			.param("b", notice.bodyId()).query(String.class).single());
		assertThat(text).contains("抄告函").contains(notice.number()).contains("普陀区消防救援支队：").contains(hazard.enterprise())
			.contains(hazard.uscc()).contains("甲类仓库内设置员工宿舍").contains("重大事故隐患")
			.contains("《危险化学品重大危险源监督管理暂行规定》第十三条").contains("依法查处仓库内设置员工宿舍的消防违法行为")
			.contains(squeezed(LocalDate.now().plusDays(15).getYear() + "年" + LocalDate.now().plusDays(15).getMonthValue() + "月"
					+ LocalDate.now().plusDays(15).getDayOfMonth() + "日前"))
			.contains(squeezed(body));

		String page = mvc.perform(get("/hazards/{id}/notices", hazard.id()).with(as("putuo"))).andReturn().getResponse()
			.getContentAsString();
		assertThat(page).contains("普陀区消防救援支队").contains("待回复").contains(notice.number())
			.contains("/hazards/" + hazard.id() + "/notices/" + notice.id() + ".pdf");
		assertThat(Acting.asSystem(() -> jdbc.sql("""
				select action from audit_record where entity_type = 'department_notice' and entity_id = :id""")
			.param("id", String.valueOf(notice.id())).query(String.class).list())).containsExactly("hazard.notify-department");
	}

	@Test
	void aReplyIsRecordedOnceAndANoticePastItsReplyByDayIsShownAwaitingReplyOverdue() throws Exception {
		Found hazard = fixtures.rectifying("抄告回复测试建材", "违规搭建的钢结构厂房存在坍塌风险", false);
		DepartmentNotice notice = send(hazard, "HOUSING", "", "核查违法建设并依法处置");
		assertThat(notice.departmentName()).isEqualTo("住房城乡建设管理部门");
		// the reply-by day, 15 days ahead, passes without a reply
		clock.advanceDays(16);
		try {
			String overdue = mvc.perform(get("/hazards/{id}/notices", hazard.id()).with(as("putuo"))).andReturn()
				.getResponse().getContentAsString();
			assertThat(overdue).contains("逾期未回复");

			DepartmentNotice stale = Acting.as("putuo", () -> notification.notice(hazard.id(), notice.id()));
			MvcResult replied = mvc.perform(post("/hazards/{id}/notices/{n}/reply", hazard.id(), notice.id())
				.with(as("putuo")).with(csrf()).param("reply", "已立案查处，责令限期拆除")
				.param("repliedOn", LocalDate.now().toString()).param("version", String.valueOf(stale.version())))
				.andReturn();
			assertThat(replied.getFlashMap().get("done")).isEqualTo("已登记回复");
			DepartmentNotice current = Acting.as("putuo", () -> notification.notice(hazard.id(), notice.id()));
			assertThat(current.status()).isEqualTo(NoticeStatus.REPLIED);
			assertThat(current.reply()).isEqualTo("已立案查处，责令限期拆除");
			assertThat(current.replyRecordedBy()).isEqualTo("putuo");
			String page = mvc.perform(get("/hazards/{id}/notices", hazard.id()).with(as("putuo"))).andReturn()
				.getResponse().getContentAsString();
			assertThat(page).contains("已回复").contains("已立案查处，责令限期拆除").doesNotContain("逾期未回复");

			MvcResult again = mvc.perform(post("/hazards/{id}/notices/{n}/reply", hazard.id(), notice.id())
				.with(as("putuo")).with(csrf()).param("reply", "第二次回复").param("repliedOn", LocalDate.now().toString()))
				.andReturn();
			assertThat((String) again.getFlashMap().get("refused")).contains("已回复").contains("不能再次登记回复");
			assertThat(Acting.as("putuo", () -> notification.notice(hazard.id(), notice.id())).reply())
				.isEqualTo("已立案查处，责令限期拆除");
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void anotherDepartmentMustBeNamedAndBadInputSendsNothing() throws Exception {
		Found hazard = fixtures.rectifying("抄告拒绝测试厂", "电梯未经定期检验", false);
		MvcResult unnamed = mvc.perform(post("/hazards/{id}/notices", hazard.id()).with(as("putuo")).with(csrf())
			.param("department", "OTHER").param("request", "请核查").param("replyBy", LocalDate.now().plusDays(5).toString()))
			.andReturn();
		assertThat(unnamed.getFlashMap().get("refused")).isEqualTo("抄告其他部门时请写明部门名称");
		MvcResult past = mvc.perform(post("/hazards/{id}/notices", hazard.id()).with(as("putuo")).with(csrf())
			.param("department", "MARKET").param("request", "请核查特种设备").param("replyBy", LocalDate.now().toString()))
			.andReturn();
		assertThat(past.getFlashMap().get("refused")).isEqualTo("回复期限须晚于今天");
		assertThat(Acting.as("putuo", () -> notification.ofHazard(hazard.id()))).isEmpty();
	}

	@Test
	void neitherAnotherDistrictNorTheEnterpriseReachesANotice() throws Exception {
		Found hazard = fixtures.rectifying("抄告隔离测试厂", "配电室未设置挡鼠板", false);
		DepartmentNotice notice = send(hazard, "MARKET", "普陀区市场监督管理局", "核查无证经营");
		String qiye = fixtures.enterpriseUser(hazard.uscc());
		for (String username : new String[] { "pudong", qiye }) {
			int expected = username.equals(qiye) ? 403 : 404;
			assertThat(mvc.perform(get("/hazards/{id}/notices/{n}.pdf", hazard.id(), notice.id()).with(as(username)))
				.andReturn().getResponse().getStatus()).as(username).isEqualTo(expected);
			assertThat(mvc.perform(get("/hazards/{id}/notices", hazard.id()).with(as(username))).andReturn().getResponse()
				.getStatus()).as(username).isEqualTo(expected);
		}
		// a notice under another hazard's address is not found either
		Found other = fixtures.rectifying("抄告隔离测试他厂", "他厂隐患", false);
		assertThat(mvc.perform(get("/hazards/{id}/notices/{n}.pdf", other.id(), notice.id()).with(as("putuo"))).andReturn()
			.getResponse().getStatus()).isEqualTo(404);
	}

	private static String pdfText(MockHttpServletResponse response) throws Exception {
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("application/pdf");
		Path file = Files.createTempFile("notice-letter", ".pdf");
		Files.write(file, response.getContentAsByteArray());
		try {
			Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", file.toString(), "-").redirectErrorStream(true)
				.start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
			assertThat(process.exitValue()).as(text).isZero();
			return text;
		}
		finally {
			Files.delete(file);
		}
	}

	/** Text read back from a PDF breaks lines wherever the layout did: compare without whitespace. */
	private static String squeezed(String text) {
		return text.replaceAll("\\s+", "");
	}
}
