package org.anjian.identity.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.Acting;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.identity.internal.AnjianPrincipal;
import org.anjian.organization.EnforcementBodies;
import org.anjian.shared.JurisdictionScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The administrator's account pages on the embedded database with the demo accounts: who may open them, how an
 * account is opened and changed, and that a reset password is shown exactly once.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UserAdminPagesTest {

	/** Unique per test run, so that tests never see each other's accounts. */
	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAccounts accounts;

	@Autowired
	EnforcementBodies bodies;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	JdbcClient jdbc;

	@Test
	void usersPageListsAccountsWithChineseRolesAndScopeNames() {
		assertThat(mvc.get().uri("/admin/users").with(loggedIn("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("<h1 class=\"h4 mb-0\">用户管理</h1>", "id=\"users\"")
			.containsPattern("(?s)id=\"user-putuo\">.*?<td>刘洋</td>.*?区级执法人员.*?<td>普陀区</td>.*?启用")
			.containsPattern("(?s)id=\"user-changzheng\">.*?街镇执法人员.*?<td>长征镇</td>")
			.containsPattern("(?s)id=\"user-leader\">.*?领导.*?<td>上海市</td>");
	}

	@Test
	void nonAdminCannotOpenUsersPage() {
		assertThat(mvc.get().uri("/admin/users").with(loggedIn("putuo"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/users").with(loggedIn("leader"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/users/new").with(loggedIn("city"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/users/streets").param("district", "310107").with(loggedIn("putuo")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void nonAdminCannotOpenAnAccount() {
		String username = uniqueUsername();
		assertThat(mvc.post().uri("/admin/users").with(loggedIn("leader")).with(csrf())
			.param("username", username).param("displayName", "越权").param("roles", "ADMIN")
			.param("district", "310000").param("password", "secret-pass-1"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(exists(username)).isFalse();
	}

	@Test
	void navigationShowsUserManagementOnlyToAdministrators() {
		assertThat(mvc.get().uri("/organization/bodies").with(loggedIn("admin")))
			.bodyText()
			.contains("href=\"/admin/users\"");
		assertThat(mvc.get().uri("/organization/bodies").with(loggedIn("putuo")))
			.bodyText()
			.doesNotContain("href=\"/admin/users\"");
	}

	@Test
	void adminCreatesUserAndItAppearsInList() {
		String username = uniqueUsername();

		MvcTestResult created = mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "赵新").param("roles", "DISTRICT_OFFICER")
			.param("district", "310107").param("street", "").param("bodyId", String.valueOf(bodyOf("310107")))
			.param("password", "initial-pass-1")
			.exchange();

		assertThat(created).hasStatus3xxRedirection().satisfies(r -> assertThat(r.getResponse().getRedirectedUrl()).matches("/admin/users\\?page=\\d+#user-.+"));
		assertThat(follow(created))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"flash\"", "已创建用户 赵新")
			.containsPattern("(?s)id=\"user-" + username + "\">.*?<td>赵新</td>.*?区级执法人员.*?<td>普陀区</td>");
		AnjianPrincipal principal = principal(username);
		assertThat(principal.scope()).isEqualTo(JurisdictionScope.district("310107"));
		assertThat(principal.bodyId()).isEqualTo(bodyOf("310107"));
		assertThat(passwords.matches("initial-pass-1", principal.getPassword())).isTrue();
	}

	@Test
	void adminCreatesStreetOfficerByChoosingDistrictThenStreet() {
		String username = uniqueUsername();

		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "钱街").param("roles", "STREET_OFFICER")
			.param("district", "310107").param("street", "310107102").param("password", "initial-pass-2"))
			.hasStatus3xxRedirection();

		assertThat(principal(username).scope()).isEqualTo(JurisdictionScope.street("310107102"));
		assertThat(principal(username).bodyId()).isNull();
	}

	@Test
	void creatingUserWhoseRoleDoesNotFitTheScopeShowsErrorNextToRolesAndSavesNothing() {
		String username = uniqueUsername();

		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "错配").param("roles", "DISTRICT_OFFICER")
			.param("district", "310000").param("password", "initial-pass-3"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("只能用于区级管辖范围，当前为全市", "value=\"" + username + "\"", "value=\"错配\"")
			.containsPattern("class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"role-DISTRICT_OFFICER\"[^>]*checked")
			.containsPattern("<option value=\"310000\" selected");
		assertThat(exists(username)).isFalse();
	}

	@Test
	void creatingUserWithoutScopeOrWithShortPasswordIsRefusedBesideTheField() {
		String username = uniqueUsername();

		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "无范围").param("roles", "LEADER")
			.param("district", "").param("password", "initial-pass-4"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("请选择管辖范围（全市、某区或某街镇）")
			.containsPattern("class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"district\"");
		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "短密码").param("roles", "LEADER")
			.param("district", "310000").param("password", "short"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("密码至少8位")
			.containsPattern("class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"password\"");
		assertThat(exists(username)).isFalse();
	}

	@Test
	void takenUsernameIsRefusedBesideTheUsername() {
		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", "putuo").param("displayName", "重名").param("roles", "LEADER")
			.param("district", "310000").param("password", "initial-pass-5"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("用户名 putuo 已被使用")
			.containsPattern("class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"username\"");
		assertThat(principal("putuo").displayName()).isEqualTo("刘洋");
	}

	@Test
	void streetSelectFollowsTheChosenDistrict() {
		assertThat(mvc.get().uri("/admin/users/streets").param("district", "310107").with(loggedIn("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("<option value=\"\">（不限街镇）</option>", "<option value=\"310107102\">长征镇</option>")
			.doesNotContain("陆家嘴", "<html", "<select");
		assertThat(mvc.get().uri("/admin/users/streets").param("district", "310000").with(loggedIn("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("（不限街镇）")
			.doesNotContain("普陀区", "value=\"310107");
	}

	@Test
	void newUserFormLoadsStreetsFromTheDistrictSelectWithHtmx() {
		assertThat(mvc.get().uri("/admin/users/new").with(loggedIn("admin")))
			.hasStatusOk()
			.bodyText()
			.containsPattern("id=\"district\" name=\"district\"[^>]*hx-get=\"/admin/users/streets\"")
			.contains("hx-target=\"#street\"", "<option value=\"310107\">普陀区</option>",
					"<option value=\"310000\">全市</option>")
			.doesNotContain("<script>", "onclick");
	}

	@Test
	void editFormShowsTheAccountWithItsStreetSelected() {
		UserAccount changzheng = account("changzheng");
		assertThat(mvc.get().uri("/admin/users/{id}/edit", changzheng.id()).with(loggedIn("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("编辑用户", "name=\"version\" value=\"" + changzheng.version() + "\"")
			.containsPattern("<option value=\"310107\" selected=\"selected\">普陀区</option>")
			.containsPattern("<option value=\"310107102\" selected=\"selected\">长征镇</option>")
			.containsPattern("id=\"username\"[^>]*readonly")
			.containsPattern("class=\"[^\"]*\"[^>]*id=\"role-STREET_OFFICER\"[^>]*checked");
	}

	@Test
	void adminDisablesUserAndMovesThemToAnotherDistrict() {
		String username = uniqueUsername();
		open(username, "DISTRICT_OFFICER", "310107");
		UserAccount account = account(username);

		MvcTestResult saved = mvc.post().uri("/admin/users/{id}", account.id()).with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "调任者").param("roles", "DISTRICT_OFFICER")
			.param("district", "310115").param("street", "").param("bodyId", "")
			.param("enabled", "false").param("version", String.valueOf(account.version()))
			.exchange();

		assertThat(saved).hasStatus3xxRedirection().satisfies(r -> assertThat(r.getResponse().getRedirectedUrl()).matches("/admin/users\\?page=\\d+#user-.+"));
		assertThat(follow(saved)).bodyText().contains("已保存用户 调任者")
			.containsPattern("(?s)id=\"user-" + username + "\">.*?<td>调任者</td>.*?<td>浦东新区</td>.*?停用");
		AnjianPrincipal principal = principal(username);
		assertThat(principal.isEnabled()).isFalse();
		assertThat(principal.scope()).isEqualTo(JurisdictionScope.district("310115"));
	}

	@Test
	void editingUserFromAStaleFormIsRefused() {
		String username = uniqueUsername();
		open(username, "LEADER", "310000");
		UserAccount account = account(username);
		String seen = String.valueOf(account.version());

		assertThat(update(account.id(), username, "第一次", seen)).hasStatus3xxRedirection();
		assertThat(update(account.id(), username, "第二次", seen))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("刚被他人修改过");
		assertThat(account(username).displayName()).isEqualTo("第一次");
	}

	@Test
	void streetThatIsNotInTheChosenDistrictIsRefused() {
		String username = uniqueUsername();
		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "错街").param("roles", "STREET_OFFICER")
			.param("district", "310107").param("street", "310115005").param("password", "initial-pass-6"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("所选街镇不属于所选的区");
		assertThat(exists(username)).isFalse();
	}

	@Test
	void passwordResetShowsNewPasswordOnce() {
		String username = uniqueUsername();
		open(username, "LEGAL_REVIEWER", "310000");
		long id = account(username).id();

		MvcTestResult reset = mvc.post().uri("/admin/users/{id}/password", id).with(loggedIn("admin")).with(csrf()).exchange();

		assertThat(reset).hasStatus3xxRedirection().hasRedirectedUrl("/admin/users/" + id + "/edit");
		assertThat(reset.getResponse().getRedirectedUrl()).doesNotContain("password=");
		MvcTestResult next = follow(reset);
		String html = new String(next.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		String shown = html.replaceAll("(?s).*id=\"new-password\">([^<]+)</code>.*", "$1");
		assertThat(shown).hasSize(14).doesNotContain("<");
		assertThat(html).contains("用户 测试" + username + " 的新密码", "此密码只显示这一次");
		assertThat(passwords.matches(shown, principal(username).getPassword())).isTrue();
		assertThat(passwords.matches("initial-pass-0", principal(username).getPassword())).isFalse();

		assertThat(follow(reset)).hasStatusOk().bodyText().doesNotContain(shown, "id=\"new-password\"");
	}

	@Test
	void nonAdminCannotResetAPassword() {
		long id = account("putuo").id();
		String before = principal("putuo").getPassword();
		assertThat(mvc.post().uri("/admin/users/{id}/password", id).with(loggedIn("leader")).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(principal("putuo").getPassword()).isEqualTo(before);
	}

	// ---- an enterprise's user, linked to its enterprise

	@Test
	void enterpriseSearchOffersEnterprisesByNameOrCreditCodeToPick() {
		Enterprise workshop = enterprise("310107", "310107102", "账号检索五金厂");

		assertThat(mvc.get().uri("/admin/users/enterprises").param("enterpriseQuery", workshop.name()).with(loggedIn("admin")))
			.hasStatusOk()
			.bodyText()
			.containsPattern("type=\"radio\" name=\"enterpriseUscc\"[^>]*value=\"" + workshop.uscc() + "\"")
			.contains(workshop.name(), ">" + workshop.uscc() + "<", "name=\"enterpriseQuery\"")
			.doesNotContain("<html", "enterprise-none-found");
		assertThat(mvc.get().uri("/admin/users/enterprises").param("enterpriseQuery", workshop.uscc()).with(loggedIn("admin")))
			.hasStatusOk()
			.bodyText()
			.contains(workshop.name());
		assertThat(mvc.get().uri("/admin/users/enterprises").param("enterpriseQuery", "查无此企业" + SEQUENCE.incrementAndGet())
			.with(loggedIn("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("没有找到符合的企业");
		assertThat(mvc.get().uri("/admin/users/enterprises").param("enterpriseQuery", workshop.name()).with(loggedIn("putuo")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void adminOpensAnEnterpriseUserLinkedToTheEnterpriseItChose() {
		Enterprise workshop = enterprise("310107", "310107102", "账号开设机械厂");
		String username = uniqueUsername();

		MvcTestResult created = mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "韩梅").param("roles", "ENTERPRISE")
			.param("enterpriseUscc", workshop.uscc()).param("district", "").param("street", "")
			.param("password", "initial-pass-7")
			.exchange();

		assertThat(created).hasStatus3xxRedirection().satisfies(r -> assertThat(r.getResponse().getRedirectedUrl()).matches("/admin/users\\?page=\\d+#user-.+"));
		assertThat(follow(created)).bodyText().contains("已创建用户 韩梅")
			.containsPattern("(?s)id=\"user-" + username + "\">.*?<td>韩梅</td>.*?企业用户.*?<td>长征镇</td>.*?<td>"
					+ workshop.name() + "</td>");
		AnjianPrincipal principal = principal(username);
		assertThat(principal.enterpriseUscc()).isEqualTo(workshop.uscc());
		assertThat(principal.actor().enterpriseUscc()).isEqualTo(workshop.uscc());
		assertThat(principal.scope()).as("the account lives where its enterprise lies")
			.isEqualTo(JurisdictionScope.street("310107102"));
		assertThat(principal.bodyId()).isNull();
		assertThat(mvc.get().uri("/admin/users/{id}/edit", account(username).id()).with(loggedIn("admin")))
			.hasStatusOk()
			.bodyText()
			.containsPattern("id=\"enterprise-chosen\"\\s+value=\"" + workshop.uscc() + "\"[^>]*checked")
			.contains(workshop.name());
	}

	@Test
	void enterpriseUserWithoutAnEnterpriseIsRefusedBesideTheFieldKeepingWhatWasTyped() {
		Enterprise workshop = enterprise("310107", "310107102", "账号未选企业厂");
		String username = uniqueUsername();

		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "未选企业").param("roles", "ENTERPRISE")
			.param("enterpriseUscc", "").param("enterpriseQuery", workshop.name()).param("password", "initial-pass-8"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("企业用户须关联所属企业", "id=\"error-enterpriseUscc\"", "value=\"" + username + "\"",
					"value=\"未选企业\"", "value=\"" + workshop.name() + "\"", "value=\"" + workshop.uscc() + "\"")
			.containsPattern("class=\"[^\"]*\"[^>]*id=\"role-ENTERPRISE\"[^>]*checked");
		assertThat(exists(username)).isFalse();
	}

	@Test
	void anEnterpriseThatDoesNotExistIsRefusedBesideTheField() {
		String username = uniqueUsername();
		String unknown = TestEnterprises.code("310107");

		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "无此企业").param("roles", "ENTERPRISE")
			.param("enterpriseUscc", unknown).param("password", "initial-pass-9"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("统一社会信用代码 " + unknown + " 的企业不存在", "id=\"error-enterpriseUscc\"");
		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "无此企业").param("roles", "ENTERPRISE")
			.param("enterpriseUscc", "9131010").param("password", "initial-pass-9"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("统一社会信用代码应为18位", "id=\"error-enterpriseUscc\"");
		assertThat(exists(username)).isFalse();
	}

	@Test
	void otherRolesHaveNoEnterprise() {
		Enterprise workshop = enterprise("310107", "310107102", "账号非企业角色厂");
		String username = uniqueUsername();

		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "某领导").param("roles", "LEADER")
			.param("district", "310000").param("enterpriseUscc", workshop.uscc()).param("password", "initial-pass-10"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("只有企业用户关联企业", "id=\"error-enterpriseUscc\"");
		assertThat(exists(username)).isFalse();
	}

	@Test
	void theEnterpriseOfAnEnterpriseUserIsChangedOnEdit() {
		Enterprise first = enterprise("310107", "310107102", "账号原企业厂");
		Enterprise second = enterprise("310115", "310115005", "账号新企业厂");
		String username = uniqueUsername();
		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "调动的安全员").param("roles", "ENTERPRISE")
			.param("enterpriseUscc", first.uscc()).param("password", "initial-pass-11"))
			.hasStatus3xxRedirection();
		UserAccount account = account(username);

		assertThat(mvc.post().uri("/admin/users/{id}", account.id()).with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "调动的安全员").param("roles", "ENTERPRISE")
			.param("enterpriseUscc", second.uscc()).param("district", "310107").param("street", "310107102")
			.param("enabled", "true").param("version", String.valueOf(account.version())))
			.hasStatus3xxRedirection();

		AnjianPrincipal principal = principal(username);
		assertThat(principal.enterpriseUscc()).isEqualTo(second.uscc());
		assertThat(principal.scope()).isEqualTo(JurisdictionScope.street("310115005"));
	}

	@Test
	void displayNameIsBoundedByTheFormAndByTheDatabase() {
		String username = uniqueUsername();
		String tooLong = "名".repeat(41);

		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", tooLong).param("roles", "LEADER")
			.param("district", "310000").param("password", "initial-pass-12"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("姓名不能超过40个字", "id=\"error-displayName\"", "value=\"" + tooLong + "\"", "maxlength=\"40\"");
		assertThat(exists(username)).isFalse();
		assertThatThrownBy(() -> Acting.asSystem(() -> jdbc.sql("update app_user set display_name = :name where username = 'legal'")
			.param("name", tooLong).update())).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> Acting.asSystem(() -> jdbc.sql("update app_user set username = 'Legal Reviewer' where username = 'legal'")
			.update())).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(principal("legal").displayName()).isEqualTo("黄晓燕");
	}

	private Enterprise enterprise(String district, String street, String name) {
		return Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop(district, street,
				name + SEQUENCE.incrementAndGet())));
	}

	private void open(String username, String role, String district) {
		assertThat(mvc.post().uri("/admin/users").with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", "测试" + username).param("roles", role)
			.param("district", district).param("password", "initial-pass-0"))
			.hasStatus3xxRedirection();
	}

	private MvcTestResult update(long id, String username, String displayName, String version) {
		return mvc.post().uri("/admin/users/{id}", id).with(loggedIn("admin")).with(csrf())
			.param("username", username).param("displayName", displayName).param("roles", "LEADER")
			.param("district", "310000").param("enabled", "true").param("version", version)
			.exchange();
	}

	/**
	 * The browser's next step after a redirect, in the same session: the flash message lives in the session
	 * (kept in the database by Spring Session), and the session cookie carries it to the next page.
	 */
	private MvcTestResult follow(MvcTestResult redirect) {
		assertThat(redirect).hasStatus3xxRedirection();
		return mvc.get().uri(redirect.getResponse().getRedirectedUrl()).with(loggedIn("admin"))
			.cookie(redirect.getResponse().getCookies())
			.exchange();
	}

	private RequestPostProcessor loggedIn(String username) {
		return user(users.loadUserByUsername(username));
	}

	private AnjianPrincipal principal(String username) {
		return (AnjianPrincipal) users.loadUserByUsername(username);
	}

	private boolean exists(String username) {
		try {
			users.loadUserByUsername(username);
			return true;
		}
		catch (UsernameNotFoundException e) {
			return false;
		}
	}

	private UserAccount account(String username) {
		return Acting.asSystem(() -> accounts.findByUsername(username).orElseThrow());
	}

	private long bodyOf(String jurisdiction) {
		return Acting.asSystem(() -> bodies.findByJurisdictionCode(jurisdiction).orElseThrow().id());
	}

	private static String uniqueUsername() {
		return "t" + SEQUENCE.incrementAndGet();
	}
}
