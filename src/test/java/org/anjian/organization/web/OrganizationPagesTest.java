package org.anjian.organization.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.organization.EnforcementBodies;
import org.anjian.organization.Expert;
import org.anjian.organization.Experts;
import org.anjian.organization.Officer;
import org.anjian.organization.Officers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The organisation pages as their users meet them, on the embedded database with the demo staff: what each
 * jurisdiction sees, who may change what, and how a rejected form comes back.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OrganizationPagesTest {

	/** Unique per test run, so that tests never see each other's officers and experts. */
	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	EnforcementBodies bodies;

	@Autowired
	Officers officers;

	@Autowired
	Experts experts;

	@Test
	void officersPageListsOnlyOfficersOfOwnDistrictAndAbove() {
		assertThat(mvc.get().uri("/organization/officers").with(as("putuo")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"officers\"", "31010700201", "普陀区应急管理局执法大队", "31000000101", "上海市应急管理局执法总队",
					"31010710201", "普陀区长征镇安全生产执法队", "主办资格")
			.doesNotContain("吴昊", "31011500301", "许倩", "浦东新区应急管理局执法大队");
	}

	@Test
	void officersPageFiltersByBodyStatusAndText() {
		long city = bodyOf("310000");
		assertThat(mvc.get().uri("/organization/officers").param("bodyId", String.valueOf(city)).with(as("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("王建国", "陈静")
			.doesNotContain("刘洋", "吴昊");
		assertThat(table(mvc.get().uri("/organization/officers").param("q", "3101150030")
			.with(as("admin")).exchange(), "officers"))
			.contains("吴昊", "郑凯")
			.doesNotContain("王建国");
	}

	@Test
	void districtOfficerSeesNoAppointOrEditButtonsAndIsRefusedTheForms() {
		assertThat(mvc.get().uri("/organization/officers").with(as("putuo")))
			.hasStatusOk()
			.bodyText()
			.doesNotContain("/organization/officers/new", "/edit\"");
		assertThat(mvc.get().uri("/organization/officers/new").with(as("putuo"))).hasStatus(HttpStatus.FORBIDDEN);
		long liu = officerByBadge("31010700201").id();
		assertThat(mvc.get().uri("/organization/officers/{id}/edit", liu).with(as("putuo")))
			.hasStatus(HttpStatus.FORBIDDEN);

		String badge = uniqueBadge();
		assertThat(appoint("putuo", "越权任命" + badge, badge, bodyOf("310107"))).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(officers(badge)).isEmpty();
	}

	@Test
	void leaderAppointsOfficerAndFindsThemInTheListWithASuccessMessage() {
		String badge = uniqueBadge();
		String name = "新任" + badge;

		MvcTestResult saved = appoint("leader", name, badge, bodyOf("310107"), "certifications", "LEAD_INSPECTOR",
				"certifications", "HAZCHEM", "phone", "13800138000");

		assertThat(saved).hasStatus3xxRedirection().hasRedirectedUrl("/organization/officers?q=" + badge);
		assertThat(saved).flash().containsKey("done");
		assertThat(follow(saved, "leader"))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"done\"", "已任命执法人员 " + name, badge);
		assertThat(follow(saved, "leader")).bodyText().doesNotContain("id=\"done\"");
		assertThat(table(mvc.get().uri("/organization/officers").param("q", badge)
			.with(as("putuo")).exchange(), "officers"))
			.contains(name, "普陀区应急管理局执法大队", "主办资格", "危化专业");
		assertThat(table(mvc.get().uri("/organization/officers").param("q", badge)
			.with(as("pudong")).exchange(), "officers"))
			.doesNotContain(name);
	}

	@Test
	void appointingOfficerWithBadBadgeShowsChineseErrorNextToFieldAndSavesNothing() {
		String name = "坏证号" + SEQUENCE.incrementAndGet();

		MvcTestResult rejected = appoint("admin", name, "ab-1", bodyOf("310107"), "phone", "13900139000");

		assertThat(rejected).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("执法证号应为6到20位数字或大写字母，收到：ab-1")
			.containsPattern(invalid("badgeNumber"))
			.containsPattern("class=\"invalid-feedback d-block\">执法证号应为6到20位")
			.contains("value=\"" + name + "\"", "value=\"13900139000\"")
			.doesNotContainPattern(invalid("name"));
		assertThat(table(mvc.get().uri("/organization/officers").param("q", name)
			.with(as("admin")).exchange(), "officers"))
			.doesNotContain(name);
	}

	@Test
	void appointingOfficerWithABadgeAlreadyRegisteredShowsErrorNextToBadge() {
		String name = "重号" + SEQUENCE.incrementAndGet();

		assertThat(appoint("leader", name, "31010700201", bodyOf("310107")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("执法证号 31010700201 已登记")
			.containsPattern(invalid("badgeNumber"));
		assertThat(table(mvc.get().uri("/organization/officers").param("q", name)
			.with(as("leader")).exchange(), "officers"))
			.doesNotContain(name);
	}

	@Test
	void appointingOfficerWithoutBodyAsksToChooseOne() {
		String badge = uniqueBadge();
		assertThat(mvc.post().uri("/organization/officers").with(as("leader")).with(csrf())
			.param("name", "无主体" + badge).param("badgeNumber", badge).param("bodyId", ""))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("请选择所属执法主体")
			.containsPattern(invalid("bodyId"));
		assertThat(officers(badge)).isEmpty();
	}

	@Test
	void editFormShowsTheOfficerWithReadOnlyBadgeAndVersion() {
		String badge = uniqueBadge();
		appoint("leader", "待编辑" + badge, badge, bodyOf("310107"), "certifications", "INDUSTRY_TRADE");
		Officer officer = officerByBadge(badge);

		assertThat(mvc.get().uri("/organization/officers/{id}/edit", officer.id()).with(as("leader")))
			.hasStatusOk()
			.bodyText()
			.contains("编辑执法人员", "value=\"待编辑" + badge + "\"", "name=\"version\" value=\"" + officer.version() + "\"")
			.containsPattern("id=\"badgeNumber\"[^>]*readonly")
			.containsPattern("id=\"cert-INDUSTRY_TRADE\"[^>]*checked")
			.doesNotContainPattern("id=\"cert-HAZCHEM\"[^>]*checked");
	}

	@Test
	void editingOfficerWithAStaleVersionIsRefusedAndKeepsTheNewerChange() {
		String badge = uniqueBadge();
		appoint("leader", "原名" + badge, badge, bodyOf("310107"));
		long id = officerByBadge(badge).id();

		String seen = String.valueOf(officerByBadge(badge).version());
		assertThat(edit(id, "甲改" + badge, badge, bodyOf("310107"), "true", seen))
			.hasStatus3xxRedirection()
			.hasRedirectedUrl("/organization/officers?q=" + badge);
		assertThat(edit(id, "乙改" + badge, badge, bodyOf("310107"), "true", seen))
			.hasStatus(HttpStatus.CONFLICT)
			.bodyText()
			.contains("刚被他人修改过");
		assertThat(officerByBadge(badge).name()).isEqualTo("甲改" + badge);
	}

	@Test
	void deactivatedOfficerShowsAsInactiveAndLeavesTheActiveList() {
		String badge = uniqueBadge();
		appoint("admin", "离岗" + badge, badge, bodyOf("310107"));
		long id = officerByBadge(badge).id();

		String version = String.valueOf(officerByBadge(badge).version());
		assertThat(edit(id, "离岗" + badge, badge, bodyOf("310107"), "false", version)).hasStatus3xxRedirection();

		assertThat(table(mvc.get().uri("/organization/officers").param("q", badge).param("active", "true")
			.with(as("admin")).exchange(), "officers"))
			.doesNotContain("离岗" + badge);
		assertThat(table(mvc.get().uri("/organization/officers").param("q", badge).param("active", "false")
			.with(as("admin")).exchange(), "officers"))
			.contains("离岗" + badge, "停用");
	}

	@Test
	void editingOfficerWithBadPhoneShowsErrorNextToPhoneAndChangesNothing() {
		String badge = uniqueBadge();
		appoint("leader", "电话" + badge, badge, bodyOf("310107"));
		long id = officerByBadge(badge).id();

		assertThat(mvc.post().uri("/organization/officers/{id}", id).with(as("leader")).with(csrf())
			.param("name", "电话已改" + badge).param("badgeNumber", badge).param("bodyId", String.valueOf(bodyOf("310107")))
			.param("phone", "12345").param("active", "true").param("version", String.valueOf(officerByBadge(badge).version())))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("电话应为11位手机号或带区号的固定电话", "value=\"电话已改" + badge + "\"", "value=\"12345\"")
			.containsPattern(invalid("phone"));
		assertThat(officerByBadge(badge).name()).isEqualTo("电话" + badge);
	}

	@Test
	void bodiesPageFiltersByLevelAndDistrict() {
		assertThat(mvc.get().uri("/organization/bodies").param("level", "STREET").param("district", "310107")
			.with(as("city")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"bodies\"", "普陀区长征镇安全生产执法队", "长征镇", "街镇级")
			.doesNotContain("普陀区应急管理局执法大队", "陆家嘴", "上海市应急管理局执法总队");
	}

	@Test
	void districtOfficerSeesTheBodiesOfOwnDistrictAndTheCityCorps() {
		assertThat(mvc.get().uri("/organization/bodies").with(as("putuo")))
			.hasStatusOk()
			.bodyText()
			.contains("上海市应急管理局执法总队", "普陀区应急管理局执法大队", "普陀区长征镇安全生产执法队")
			.doesNotContain("浦东新区应急管理局执法大队", "陆家嘴");
	}

	@Test
	void bodyDetailListsItsOfficersAndExpertsAndOnlyAdministratorsMayRename() {
		long putuo = bodyOf("310107");
		assertThat(mvc.get().uri("/organization/bodies/{id}", putuo).with(as("putuo")))
			.hasStatusOk()
			.bodyText()
			.contains("普陀区应急管理局执法大队", "31010700201", "赵磊", "沈立新", "化工工艺安全")
			.doesNotContain("王建国", "何晨", "id=\"rename\"");
		assertThat(mvc.get().uri("/organization/bodies/{id}", putuo).with(as("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"rename\"", "name=\"version\"");
	}

	@Test
	void bodyOfAnotherDistrictIsNotFound() {
		assertThat(mvc.get().uri("/organization/bodies/{id}", bodyOf("310115")).with(as("putuo")))
			.hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void administratorRenamesBodyButNotToABlankName() {
		long body = bodyOf("310151102");
		String name = "崇明区堡镇安全生产执法中队" + SEQUENCE.incrementAndGet();

		assertThat(mvc.post().uri("/organization/bodies/{id}", body).with(as("admin")).with(csrf())
			.param("name", "  ").param("version", "0"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("执法主体名称不能为空")
			.containsPattern(invalid("name"));

		MvcTestResult renamed = mvc.post().uri("/organization/bodies/{id}", body).with(as("admin")).with(csrf())
			.param("name", name).param("version", "0").exchange();
		assertThat(renamed).hasStatus3xxRedirection().hasRedirectedUrl("/organization/bodies/" + body);
		assertThat(follow(renamed, "admin"))
			.bodyText()
			.contains("执法主体已更名为“" + name + "”", "id=\"body-name\">" + name);
	}

	@Test
	void renamingBodyToANameAlreadyTakenIsRefusedBesideTheName() {
		long body = bodyOf("310151103");
		assertThat(mvc.post().uri("/organization/bodies/{id}", body).with(as("admin")).with(csrf())
			.param("name", "普陀区应急管理局执法大队").param("version", "0"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("已有同名的执法主体", "id=\"body-name\">崇明区新河镇安全生产执法队")
			.containsPattern(invalid("name"));
	}

	@Test
	void nonAdministratorCannotRenameBody() {
		long body = bodyOf("310107");
		assertThat(mvc.post().uri("/organization/bodies/{id}", body).with(as("leader")).with(csrf())
			.param("name", "改名").param("version", "0"))
			.hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void streetOfficerRegistersExpertSeenByOwnDistrictButNotByAnother() {
		String name = "专家" + SEQUENCE.incrementAndGet();

		MvcTestResult saved = registerExpert("changzheng", name, "有限空间作业安全", bodyOf("310107102"));

		assertThat(saved).hasStatus3xxRedirection()
			.hasRedirectedUrl("/organization/experts?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
		assertThat(follow(saved, "changzheng"))
			.bodyText()
			.contains("已登记专家 " + name, "有限空间作业安全", "普陀区长征镇安全生产执法队");
		assertThat(table(mvc.get().uri("/organization/experts").param("q", name)
			.with(as("putuo")).exchange(), "experts"))
			.contains(name);
		assertThat(table(mvc.get().uri("/organization/experts").param("q", name)
			.with(as("pudong")).exchange(), "experts"))
			.doesNotContain(name);
	}

	@Test
	void registeringExpertWithoutFieldShowsErrorNextToFieldAndSavesNothing() {
		String name = "缺专业" + SEQUENCE.incrementAndGet();

		assertThat(registerExpert("putuo", name, " ", bodyOf("310107")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("专业领域不能为空", "value=\"" + name + "\"")
			.containsPattern(invalid("field"));
		assertThat(experts(name)).isEmpty();
	}

	@Test
	void officerCorrectsAndDeactivatesAnExpert() {
		String name = "待更正" + SEQUENCE.incrementAndGet();
		registerExpert("putuo", name, "粉尘防爆", bodyOf("310107"));
		Expert expert = experts(name).get(0);

		assertThat(mvc.get().uri("/organization/experts/{id}/edit", expert.id()).with(as("putuo")))
			.hasStatusOk()
			.bodyText()
			.contains("value=\"" + name + "\"", "value=\"粉尘防爆\"", "普陀区应急管理局执法大队");
		assertThat(mvc.post().uri("/organization/experts/{id}", expert.id()).with(as("putuo")).with(csrf())
			.param("name", name).param("field", "粉尘防爆与涉爆除尘").param("organisation", "上海安全生产科学研究所")
			.param("qualification", "高级工程师").param("active", "false").param("version", String.valueOf(expert.version())))
			.hasStatus3xxRedirection();

		Expert corrected = experts(name).get(0);
		assertThat(corrected.field()).isEqualTo("粉尘防爆与涉爆除尘");
		assertThat(corrected.active()).isFalse();
	}

	@Test
	void registeringExpertUnderTheCityCorpsFromADistrictIsRefusedBesideTheBody() {
		String name = "越级" + SEQUENCE.incrementAndGet();

		assertThat(registerExpert("putuo", name, "危化品储存", bodyOf("310000")))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("所选执法主体在您的管辖范围之上", "value=\"" + name + "\"")
			.containsPattern(invalid("bodyId"));
		assertThat(experts(name)).isEmpty();
	}

	@Test
	void expertOfAnotherDistrictCannotBeOpened() {
		Expert pudongExpert = asSystem(() -> experts.search(null, "韩志远")).get(0);
		assertThat(mvc.get().uri("/organization/experts/{id}/edit", pudongExpert.id()).with(as("putuo")))
			.hasStatus(HttpStatus.NOT_FOUND)
			.bodyText()
			.contains("不存在或不在您的管辖范围内");
	}

	@Test
	void formsOfferOnlyTheBodiesTheUserCanSee() {
		assertThat(mvc.get().uri("/organization/experts/new").with(as("putuo")))
			.hasStatusOk()
			.bodyText()
			.contains("普陀区应急管理局执法大队", "上海市应急管理局执法总队")
			.doesNotContain("浦东新区应急管理局执法大队");
	}

	/**
	 * The browser's next step after a redirect: the same session (Spring Session keeps the flash message in the
	 * database, so the session cookie is what carries it to the next page).
	 */
	private MvcTestResult follow(MvcTestResult redirect, String username) {
		assertThat(redirect).hasStatus3xxRedirection();
		// the address as redirected to, already encoded (a template would encode a searched name twice)
		return mvc.get().uri(URI.create(redirect.getResponse().getRedirectedUrl())).with(as(username))
			.cookie(redirect.getResponse().getCookies())
			.exchange();
	}

	/** The rows of a page's table, without the filter form above it (which repeats the query typed). */
	private static String table(MvcTestResult page, String id) {
		assertThat(page).hasStatusOk();
		String html = new String(page.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
		int start = html.indexOf("id=\"" + id + "\"");
		assertThat(start).as("table %s on the page", id).isNotNegative();
		return html.substring(start, html.indexOf("</table>", start));
	}

	/** An input or select marked invalid: Bootstrap's is-invalid among its classes. */
	private static String invalid(String id) {
		return "class=\"[^\"]*\\bis-invalid\\b[^\"]*\"[^>]*\\bid=\"" + id + "\"";
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}

	private MvcTestResult appoint(String username, String name, String badge, long bodyId, String... more) {
		var request = mvc.post().uri("/organization/officers").with(as(username)).with(csrf())
			.param("name", name).param("badgeNumber", badge).param("bodyId", String.valueOf(bodyId));
		for (int i = 0; i < more.length; i += 2) {
			request.param(more[i], more[i + 1]);
		}
		return request.exchange();
	}

	private MvcTestResult edit(long id, String name, String badge, long bodyId, String active, String version) {
		return mvc.post().uri("/organization/officers/{id}", id).with(as("leader")).with(csrf())
			.param("name", name).param("badgeNumber", badge).param("bodyId", String.valueOf(bodyId))
			.param("active", active).param("version", version)
			.exchange();
	}

	private MvcTestResult registerExpert(String username, String name, String field, long bodyId) {
		return mvc.post().uri("/organization/experts").with(as(username)).with(csrf())
			.param("name", name).param("field", field).param("organisation", "上海市安全生产科学研究所")
			.param("qualification", "注册安全工程师").param("bodyId", String.valueOf(bodyId))
			.exchange();
	}

	private long bodyOf(String jurisdiction) {
		return asSystem(() -> bodies.findByJurisdictionCode(jurisdiction).orElseThrow().id());
	}

	private List<Officer> officers(String badge) {
		return asSystem(() -> officers.search(null, null, badge));
	}

	private Officer officerByBadge(String badge) {
		List<Officer> found = officers(badge);
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private List<Expert> experts(String name) {
		return asSystem(() -> experts.search(null, name));
	}

	private static String uniqueBadge() {
		return "T" + SEQUENCE.incrementAndGet();
	}
}
