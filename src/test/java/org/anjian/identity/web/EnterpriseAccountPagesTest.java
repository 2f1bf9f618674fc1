package org.anjian.identity.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.Acting;
import org.anjian.audit.AuditLabels;
import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.identity.internal.AnjianPrincipal;
import org.anjian.shared.JurisdictionScope;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * An enterprise's accounts page, reached from its file: the officers within whose reach the enterprise lies and the
 * administrator open its users with a one-time password and link existing enterprise users to it; nobody else may,
 * and nobody reaches an enterprise outside their jurisdiction.
 */
@SpringBootTest
@AutoConfigureMockMvc
class EnterpriseAccountPagesTest {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAccounts accounts;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	PasswordEncoder passwords;

	@Autowired
	AuditTrail audit;

	@Autowired
	AuditLabels labels;

	@Test
	void theFileLinksToItsAccountsForOfficersAndTheAdministratorOnly() {
		Enterprise workshop = enterprise("310107", "310107102", "账号页入口机械厂");
		String link = "href=\"/enterprises/" + workshop.uscc() + "/accounts\"";
		for (String keeper : List.of("putuo", "changzheng", "city", "admin")) {
			assertThat(mvc.get().uri("/enterprises/{uscc}", workshop.uscc()).with(loggedIn(keeper)))
				.as(keeper).hasStatusOk().bodyText().contains(link, "企业账号");
		}
		for (String other : List.of("leader", "legal")) {
			assertThat(mvc.get().uri("/enterprises/{uscc}", workshop.uscc()).with(loggedIn(other)))
				.as(other).bodyText().doesNotContain(link);
		}
	}

	@Test
	void anOfficerOpensAnAccountForTheEnterpriseAndSeesItsPasswordOnce() {
		Enterprise workshop = enterprise("310107", "310107102", "账号开设五金厂");
		String username = uniqueUsername();
		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", workshop.uscc()).with(loggedIn("putuo")))
			.hasStatusOk()
			.bodyText()
			.contains(workshop.name(), workshop.uscc(), "本企业还没有账号", "id=\"open-account\"");

		MvcTestResult opened = mvc.post().uri("/enterprises/{uscc}/accounts", workshop.uscc()).with(loggedIn("putuo"))
			.with(csrf()).param("username", username).param("displayName", "陶然").exchange();

		assertThat(opened).hasStatus3xxRedirection().hasRedirectedUrl("/enterprises/" + workshop.uscc() + "/accounts");
		assertThat(opened.getResponse().getRedirectedUrl()).doesNotContain("password");
		MvcTestResult next = follow(opened, "putuo");
		String html = new String(next.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		String password = html.replaceAll("(?s).*id=\"new-password\">([^<]+)</code>.*", "$1");
		assertThat(password).hasSize(14);
		assertThat(html).contains("已为 陶然 开设账号", "id=\"new-username\">" + username + "<", "此密码只显示这一次")
			.containsPattern("(?s)id=\"users\".*?<span>陶然</span>");
		assertThat(follow(opened, "putuo")).bodyText().doesNotContain(password, "id=\"new-password\"");

		AnjianPrincipal principal = principal(username);
		assertThat(passwords.matches(password, principal.getPassword())).as("the password shown logs in").isTrue();
		assertThat(principal.enterpriseUscc()).isEqualTo(workshop.uscc());
		assertThat(principal.scope()).isEqualTo(JurisdictionScope.street("310107102"));
		assertThat(principal.roles()).extracting(Enum::name).containsExactly("ENTERPRISE");
		assertThat(actions(principal.id())).containsExactly("account.openForEnterprise");
		assertThat(labels.label("account.openForEnterprise")).isEqualTo("为企业开设账号");
	}

	@Test
	void anEnterpriseHasSeveralUsersListedByName() {
		Enterprise workshop = enterprise("310107", "310107102", "账号多用户机械厂");
		open(workshop, "putuo", "冯一");
		open(workshop, "admin", "冯二");

		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", workshop.uscc()).with(loggedIn("changzheng")))
			.hasStatusOk()
			.bodyText()
			.containsPattern("(?s)id=\"users\".*?<span>冯一</span>.*?<span>冯二</span>")
			.doesNotContain("id=\"no-users\"");
	}

	@Test
	void aRefusedAccountKeepsWhatWasTypedBesideTheField() {
		Enterprise workshop = enterprise("310107", "310107102", "账号重名机械厂");
		long before = count();

		assertThat(mvc.post().uri("/enterprises/{uscc}/accounts", workshop.uscc()).with(loggedIn("putuo")).with(csrf())
			.param("username", "pudong").param("displayName", "重名的人"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("用户名 pudong 已被使用", "id=\"error-username\"", "value=\"pudong\"", "value=\"重名的人\"");
		assertThat(mvc.post().uri("/enterprises/{uscc}/accounts", workshop.uscc()).with(loggedIn("putuo")).with(csrf())
			.param("username", uniqueUsername()).param("displayName", "名".repeat(41)))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("姓名不能超过40个字", "id=\"error-displayName\"");
		assertThat(mvc.post().uri("/enterprises/{uscc}/accounts", workshop.uscc()).with(loggedIn("putuo")).with(csrf())
			.param("username", "Wang Wu").param("displayName", "王五"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("用户名须为3到32位小写字母", "value=\"王五\"");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anOfficerLinksAnExistingEnterpriseUserFoundByName() {
		Enterprise before = enterprise("310107", "310107102", "账号原属机械厂");
		Enterprise after = enterprise("310107", "310107102", "账号新属机械厂");
		String name = "蒋" + SEQUENCE.incrementAndGet();
		String username = open(before, "putuo", name);
		UserAccount account = account(username);

		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", after.uscc()).param("q", name).with(loggedIn("putuo")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"linkable-" + account.id() + "\"", "现关联：" + before.name());
		MvcTestResult linked = mvc.post().uri("/enterprises/{uscc}/accounts/links", after.uscc()).with(loggedIn("putuo"))
			.with(csrf()).param("accountId", String.valueOf(account.id())).param("version", String.valueOf(account.version()))
			.exchange();

		assertThat(linked).hasStatus3xxRedirection().hasRedirectedUrl("/enterprises/" + after.uscc() + "/accounts");
		assertThat(follow(linked, "putuo")).bodyText().contains("已将 " + name + " 关联到本企业")
			.containsPattern("(?s)id=\"users\".*?<span>" + name + "</span>");
		assertThat(principal(username).enterpriseUscc()).isEqualTo(after.uscc());
		assertThat(actions(account.id())).containsExactly("account.openForEnterprise", "account.linkEnterprise");
		// found by the whole user name too, and no longer offered to the enterprise it now belongs to
		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", before.uscc()).param("q", username).with(loggedIn("putuo")))
			.bodyText().contains("id=\"linkable-" + account.id() + "\"", "现关联：" + after.name());
		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", after.uscc()).param("q", name).with(loggedIn("putuo")))
			.bodyText().doesNotContain("id=\"linkable-" + account.id() + "\"").contains("没有找到可关联的企业用户");
	}

	@Test
	void linkingFromAStaleListIsRefused() {
		Enterprise first = enterprise("310107", "310107102", "账号过期甲厂");
		Enterprise second = enterprise("310107", "310107102", "账号过期乙厂");
		UserAccount account = account(open(first, "putuo", "过期的人"));
		String stale = String.valueOf(account.version());
		assertThat(mvc.post().uri("/enterprises/{uscc}/accounts/links", second.uscc()).with(loggedIn("putuo")).with(csrf())
			.param("accountId", String.valueOf(account.id())).param("version", stale)).hasStatus3xxRedirection();

		MvcTestResult again = mvc.post().uri("/enterprises/{uscc}/accounts/links", first.uscc()).with(loggedIn("putuo"))
			.with(csrf()).param("accountId", String.valueOf(account.id())).param("version", stale).exchange();

		assertThat(follow(again, "putuo")).bodyText().contains("id=\"refused\"", "内容已被他人修改");
		assertThat(account(account.username()).enterpriseUscc()).isEqualTo(second.uscc());
	}

	@Test
	void onlyEnterpriseUsersAreLinked() {
		Enterprise workshop = enterprise("310107", "310107102", "账号非企业用户厂");
		UserAccount officer = account("changzheng");

		MvcTestResult refused = mvc.post().uri("/enterprises/{uscc}/accounts/links", workshop.uscc())
			.with(loggedIn("putuo")).with(csrf()).param("accountId", String.valueOf(officer.id())).exchange();

		assertThat(follow(refused, "putuo")).bodyText().contains("只有企业用户可以关联企业");
		assertThat(account("changzheng").enterpriseUscc()).isNull();
		assertThat(account("changzheng").roles()).extracting(Enum::name).containsExactly("STREET_OFFICER");
	}

	@Test
	void anEnterpriseThatDoesNotExistIsNotFound() {
		String unknown = TestEnterprises.code("310107");
		UserAccount someone = account(open(enterprise("310107", "310107102", "账号存在的厂"), "putuo", "有人"));
		long before = count();

		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", unknown).with(loggedIn("admin")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/enterprises/{uscc}/accounts", unknown).with(loggedIn("putuo")).with(csrf())
			.param("username", uniqueUsername()).param("displayName", "无企业")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/enterprises/{uscc}/accounts/links", unknown).with(loggedIn("putuo")).with(csrf())
			.param("accountId", String.valueOf(someone.id()))).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(count()).isEqualTo(before);
		assertThat(account(someone.username()).enterpriseUscc()).isEqualTo(someone.enterpriseUscc());
	}

	@Test
	void anOfficerOfAnotherPlaceDoesNotReachTheEnterprise() {
		Enterprise putuo = enterprise("310107", "310107102", "账号越权机械厂");
		Enterprise otherStreet = enterprise("310107", "310107103", "账号他街机械厂");
		UserAccount pudongUser = account(open(enterprise("310115", "310115005", "账号浦东机械厂"), "pudong", "浦东某人"));
		long before = count();

		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", putuo.uscc()).with(loggedIn("pudong")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/enterprises/{uscc}/accounts", putuo.uscc()).with(loggedIn("pudong")).with(csrf())
			.param("username", uniqueUsername()).param("displayName", "越权")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", otherStreet.uscc()).with(loggedIn("changzheng")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/enterprises/{uscc}/accounts", otherStreet.uscc()).with(loggedIn("changzheng"))
			.with(csrf()).param("username", uniqueUsername()).param("displayName", "越权")).hasStatus(HttpStatus.NOT_FOUND);
		// an account of 浦东 is not within 普陀's reach, to be linked to a 普陀 enterprise
		assertThat(mvc.post().uri("/enterprises/{uscc}/accounts/links", putuo.uscc()).with(loggedIn("putuo")).with(csrf())
			.param("accountId", String.valueOf(pudongUser.id())).param("version", String.valueOf(pudongUser.version())))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", putuo.uscc()).param("q", "浦东某人").with(loggedIn("putuo")))
			.bodyText().doesNotContain("浦东某人</span>");
		assertThat(count()).isEqualTo(before);
		assertThat(account(pudongUser.username()).enterpriseUscc()).isEqualTo(pudongUser.enterpriseUscc());
	}

	@Test
	void leadersLegalReviewersAndEnterpriseUsersKeepNoAccounts() {
		Enterprise workshop = enterprise("310107", "310107102", "账号无权机械厂");
		String ownUser = open(workshop, "putuo", "本厂安全员");
		UserAccount someone = account(ownUser);
		long before = count();
		for (String refused : List.of("leader", "legal", ownUser)) {
			assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", workshop.uscc()).with(loggedIn(refused)))
				.as(refused).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/enterprises/{uscc}/accounts", workshop.uscc()).with(loggedIn(refused)).with(csrf())
				.param("username", uniqueUsername()).param("displayName", "无权")).as(refused).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/enterprises/{uscc}/accounts/links", workshop.uscc()).with(loggedIn(refused))
				.with(csrf()).param("accountId", String.valueOf(someone.id()))).as(refused).hasStatus(HttpStatus.FORBIDDEN);
		}
		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", workshop.uscc()).with(loggedIn("leader")))
			.bodyText().contains("只有系统管理员和监管该企业的执法人员可以为企业开设或关联账号");
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void aStreetOfficerKeepsTheAccountsOfTheEnterprisesOfTheirStreet() {
		Enterprise own = enterprise("310107", "310107102", "账号本街机械厂");

		String username = open(own, "changzheng", "街镇开设");

		assertThat(principal(username).enterpriseUscc()).isEqualTo(own.uscc());
		assertThat(mvc.get().uri("/enterprises/{uscc}/accounts", own.uscc()).with(loggedIn("putuo")))
			.bodyText().contains("<span>街镇开设</span>");
	}

	/** Opens an account for the enterprise through the page, as the officer; its user name. */
	private String open(Enterprise enterprise, String officer, String displayName) {
		String username = uniqueUsername();
		assertThat(mvc.post().uri("/enterprises/{uscc}/accounts", enterprise.uscc()).with(loggedIn(officer)).with(csrf())
			.param("username", username).param("displayName", displayName))
			.hasStatus3xxRedirection();
		return username;
	}

	private List<String> actions(long accountId) {
		return Acting.asSystem(() -> audit.history("app_user", String.valueOf(accountId)).stream()
			.map(e -> e.action()).toList());
	}

	private long count() {
		return Acting.asSystem(() -> accounts.count());
	}

	private Enterprise enterprise(String district, String street, String name) {
		return Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop(district, street,
				name + SEQUENCE.incrementAndGet())));
	}

	private MvcTestResult follow(MvcTestResult redirect, String username) {
		assertThat(redirect).hasStatus3xxRedirection();
		return mvc.get().uri(redirect.getResponse().getRedirectedUrl()).with(loggedIn(username))
			.cookie(redirect.getResponse().getCookies())
			.exchange();
	}

	private RequestPostProcessor loggedIn(String username) {
		return user(users.loadUserByUsername(username));
	}

	private AnjianPrincipal principal(String username) {
		return (AnjianPrincipal) users.loadUserByUsername(username);
	}

	private UserAccount account(String username) {
		return Acting.asSystem(() -> accounts.findByUsername(username).orElseThrow());
	}

	private static String uniqueUsername() {
		return "e" + SEQUENCE.incrementAndGet();
	}
}
