package org.anjian.identity.web;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.identity.AnjianPrincipal;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.organization.EnforcementBodies;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.database.SystemScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
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

	@Test
	void usersPageListsAccountsWithChineseRolesAndScopeNames() {
		assertThat(mvc.get().uri("/admin/users").with(as("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("<h1 class=\"h4 mb-0\">用户管理</h1>", "id=\"users\"")
			.containsPattern("(?s)id=\"user-putuo\">.*?<td>刘洋</td>.*?区级执法人员.*?<td>普陀区</td>.*?启用")
			.containsPattern("(?s)id=\"user-changzheng\">.*?街镇执法人员.*?<td>长征镇</td>")
			.containsPattern("(?s)id=\"user-leader\">.*?领导.*?<td>上海市</td>");
	}

	@Test
	void nonAdminCannotOpenUsersPage() {
		assertThat(mvc.get().uri("/admin/users").with(as("putuo"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/users").with(as("leader"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/users/new").with(as("city"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/admin/users/streets").param("district", "310107").with(as("putuo")))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void nonAdminCannotOpenAnAccount() {
		String username = uniqueUsername();
		assertThat(mvc.post().uri("/admin/users").with(as("leader")).with(csrf())
			.param("username", username).param("displayName", "越权").param("roles", "ADMIN")
			.param("district", "310000").param("password", "secret-pass-1"))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(exists(username)).isFalse();
	}

	@Test
	void navigationShowsUserManagementOnlyToAdministrators() {
		assertThat(mvc.get().uri("/organization/bodies").with(as("admin")))
			.bodyText()
			.contains("href=\"/admin/users\"");
		assertThat(mvc.get().uri("/organization/bodies").with(as("putuo")))
			.bodyText()
			.doesNotContain("href=\"/admin/users\"");
	}

	@Test
	void adminCreatesUserAndItAppearsInList() {
		String username = uniqueUsername();

		MvcTestResult created = mvc.post().uri("/admin/users").with(as("admin")).with(csrf())
			.param("username", username).param("displayName", "赵新").param("roles", "DISTRICT_OFFICER")
			.param("district", "310107").param("street", "").param("bodyId", String.valueOf(bodyOf("310107")))
			.param("password", "initial-pass-1")
			.exchange();

		assertThat(created).hasStatus3xxRedirection().hasRedirectedUrl("/admin/users");
		assertThat(follow(created))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"flash\"", "已创建用户 " + username)
			.containsPattern("(?s)id=\"user-" + username + "\">.*?<td>赵新</td>.*?区级执法人员.*?<td>普陀区</td>");
		AnjianPrincipal principal = principal(username);
		assertThat(principal.scope()).isEqualTo(JurisdictionScope.district("310107"));
		assertThat(principal.bodyId()).isEqualTo(bodyOf("310107"));
		assertThat(passwords.matches("initial-pass-1", principal.getPassword())).isTrue();
	}

	@Test
	void adminCreatesStreetOfficerByChoosingDistrictThenStreet() {
		String username = uniqueUsername();

		assertThat(mvc.post().uri("/admin/users").with(as("admin")).with(csrf())
			.param("username", username).param("displayName", "钱街").param("roles", "STREET_OFFICER")
			.param("district", "310107").param("street", "310107102").param("password", "initial-pass-2"))
			.hasStatus3xxRedirection();

		assertThat(principal(username).scope()).isEqualTo(JurisdictionScope.street("310107102"));
		assertThat(principal(username).bodyId()).isNull();
	}

	@Test
	void creatingUserWhoseRoleDoesNotFitTheScopeShowsErrorNextToRolesAndSavesNothing() {
		String username = uniqueUsername();

		assertThat(mvc.post().uri("/admin/users").with(as("admin")).with(csrf())
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

		assertThat(mvc.post().uri("/admin/users").with(as("admin")).with(csrf())
			.param("username", username).param("displayName", "无范围").param("roles", "LEADER")
			.param("district", "").param("password", "initial-pass-4"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("请选择管辖范围（全市、某区或某街镇）")
			.containsPattern("class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"district\"");
		assertThat(mvc.post().uri("/admin/users").with(as("admin")).with(csrf())
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
		assertThat(mvc.post().uri("/admin/users").with(as("admin")).with(csrf())
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
		assertThat(mvc.get().uri("/admin/users/streets").param("district", "310107").with(as("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("<option value=\"\">（不限街镇）</option>", "<option value=\"310107102\">长征镇</option>")
			.doesNotContain("陆家嘴", "<html", "<select");
		assertThat(mvc.get().uri("/admin/users/streets").param("district", "310000").with(as("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("（不限街镇）")
			.doesNotContain("普陀区", "value=\"310107");
	}

	@Test
	void newUserFormLoadsStreetsFromTheDistrictSelectWithHtmx() {
		assertThat(mvc.get().uri("/admin/users/new").with(as("admin")))
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
		assertThat(mvc.get().uri("/admin/users/{id}/edit", changzheng.id()).with(as("admin")))
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

		MvcTestResult saved = mvc.post().uri("/admin/users/{id}", account.id()).with(as("admin")).with(csrf())
			.param("username", username).param("displayName", "调任者").param("roles", "DISTRICT_OFFICER")
			.param("district", "310115").param("street", "").param("bodyId", "")
			.param("enabled", "false").param("version", String.valueOf(account.version()))
			.exchange();

		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/admin/users");
		assertThat(follow(saved)).bodyText().contains("已保存用户 " + username)
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
		assertThat(mvc.post().uri("/admin/users").with(as("admin")).with(csrf())
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

		MvcTestResult reset = mvc.post().uri("/admin/users/{id}/password", id).with(as("admin")).with(csrf()).exchange();

		assertThat(reset).hasStatus3xxRedirection().hasRedirectedUrl("/admin/users/" + id + "/edit");
		assertThat(reset.getResponse().getRedirectedUrl()).doesNotContain("password=");
		MvcTestResult next = follow(reset);
		String html = new String(next.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		String shown = html.replaceAll("(?s).*id=\"new-password\">([^<]+)</code>.*", "$1");
		assertThat(shown).hasSize(14).doesNotContain("<");
		assertThat(html).contains("用户 " + username + " 的新密码", "此密码只显示这一次");
		assertThat(passwords.matches(shown, principal(username).getPassword())).isTrue();
		assertThat(passwords.matches("initial-pass-0", principal(username).getPassword())).isFalse();

		assertThat(follow(reset)).hasStatusOk().bodyText().doesNotContain(shown, "id=\"new-password\"");
	}

	@Test
	void nonAdminCannotResetAPassword() {
		long id = account("putuo").id();
		String before = principal("putuo").getPassword();
		assertThat(mvc.post().uri("/admin/users/{id}/password", id).with(as("leader")).with(csrf()))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(principal("putuo").getPassword()).isEqualTo(before);
	}

	private void open(String username, String role, String district) {
		assertThat(mvc.post().uri("/admin/users").with(as("admin")).with(csrf())
			.param("username", username).param("displayName", "测试" + username).param("roles", role)
			.param("district", district).param("password", "initial-pass-0"))
			.hasStatus3xxRedirection();
	}

	private MvcTestResult update(long id, String username, String displayName, String version) {
		return mvc.post().uri("/admin/users/{id}", id).with(as("admin")).with(csrf())
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
		return mvc.get().uri(redirect.getResponse().getRedirectedUrl()).with(as("admin"))
			.cookie(redirect.getResponse().getCookies())
			.exchange();
	}

	private RequestPostProcessor as(String username) {
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
		return SystemScope.call("test", () -> accounts.findByUsername(username).orElseThrow());
	}

	private long bodyOf(String jurisdiction) {
		return SystemScope.call("test", () -> bodies.findByJurisdictionCode(jurisdiction).orElseThrow().id());
	}

	private static String uniqueUsername() {
		return "t" + SEQUENCE.incrementAndGet();
	}
}
