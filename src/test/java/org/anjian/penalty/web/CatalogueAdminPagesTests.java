package org.anjian.penalty.web;

import org.anjian.penalty.PenaltyCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

/**
 * The administrators' catalogue pages (issue 15, build items 1 and 3): the current revision's entries by article,
 * an entry with the duties it punishes and its linked checklist items, a refused revision that keeps what was typed,
 * and the exempt list with its unverified rows flagged; every other role is refused.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CatalogueAdminPagesTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	UserDetailsService users;

	@Autowired
	PenaltyCatalogue catalogue;

	@Test
	void theAdministratorReadsTheCurrentRevisionByArticle() {
		assertThat(mvc.get().uri("/admin/penalty-catalogue").with(as("admin"))).hasStatusOk()
			.bodyText()
			.contains("id=\"revision\"", "现行为第 " + catalogue.revision() + " 版", "id=\"entry-SL92-para1-institution\"")
			.doesNotContain("id=\"entry-SL114-accident-general\"");
		assertThat(mvc.get().uri("/admin/penalty-catalogue").param("article", "97").with(as("admin"))).hasStatusOk()
			.bodyText()
			.contains("id=\"entry-SL97-initial-unit\"", "id=\"entry-SL97-overdue-unit\"", "共 3 条")
			.doesNotContain("id=\"entry-SL99-initial-unit\"");
	}

	@Test
	void anEntryShowsTheDutiesItPunishesFlaggedAndTheChecklistItemsLinkedToIt() {
		assertThat(mvc.get().uri("/admin/penalty-catalogue/entries/SL97-initial-unit").with(as("admin"))).hasStatusOk()
			.bodyText()
			.containsPattern("(?s)id=\"prohibition\">.*?第二十八条.*?待核对")
			.contains("id=\"link-GEN-PX-02\"", "按所引法条自动关联", "id=\"revise-form\"");
		assertThat(mvc.get().uri("/admin/penalty-catalogue/entries/SL97-initial-unit/revisions").with(as("admin")))
			.hasStatusOk()
			.bodyText()
			.contains("id=\"revision-1\"", "系统（载入裁量目录）");
	}

	@Test
	void aRefusedRevisionSaysWhyInChineseAndKeepsWhatWasTyped() {
		int revision = catalogue.revision();
		MvcTestResult refused = mvc.post().uri("/admin/penalty-catalogue/entries/SL109-overdue-unit").with(as("admin"))
			.with(csrf())
			.param("minYuan", "300000")
			.param("maxYuan", "200000")
			.param("status", "VERIFIED")
			.param("reason", "核对后更正幅度")
			.exchange();
		assertThat(refused).hasStatus3xxRedirection().hasRedirectedUrl("/admin/penalty-catalogue/entries/SL109-overdue-unit");
		var flash = refused.getMvcResult().getFlashMap();
		assertThat(flash.get("refused").toString()).contains("法定罚款上限应大于下限");
		assertThat(mvc.get().uri("/admin/penalty-catalogue/entries/SL109-overdue-unit").with(as("admin"))
			.cookie(refused.getResponse().getCookies())).hasStatusOk()
			.bodyText()
			.contains("法定罚款上限应大于下限", "value=\"300000\"", "value=\"200000\"", "核对后更正幅度");
		assertThat(catalogue.revision()).isEqualTo(revision);
	}

	@Test
	void theExemptListShowsItsRowsFlaggedAndARefusedRowKeepsWhatWasTyped() {
		assertThat(mvc.get().uri("/admin/penalty-catalogue/exemptions").with(as("admin"))).hasStatusOk()
			.bodyText()
			.contains("自查自报不罚", "SL102-initial-unit", "待核对", "id=\"add-form\"");
		assertThat(mvc.post().uri("/admin/penalty-catalogue/exemptions").with(as("admin")).with(csrf())
			.param("entryId", "SL104-initial-unit")
			.param("ground", "LISTED_MINOR")
			.param("covers", "两个以上生产经营单位未签订安全生产管理协议，初次且及时改正")
			.param("source", "本机关拟定")
			.param("status", "UNVERIFIED")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("请至少勾选一项免罚条件", "两个以上生产经营单位未签订安全生产管理协议，初次且及时改正", "本机关拟定");
	}

	@Test
	void everyOtherRoleIsRefused() {
		for (String username : new String[] { "putuo", "city", "legal", "leader" }) {
			assertThat(mvc.get().uri("/admin/penalty-catalogue").with(as(username))).hasStatus(HttpStatus.FORBIDDEN);
			assertThat(mvc.post().uri("/admin/penalty-catalogue/exemptions").with(as(username)).with(csrf())
				.param("entryId", "SL104-initial-unit")).hasStatus(HttpStatus.FORBIDDEN);
		}
	}

	private RequestPostProcessor as(String username) {
		return user(users.loadUserByUsername(username));
	}
}
