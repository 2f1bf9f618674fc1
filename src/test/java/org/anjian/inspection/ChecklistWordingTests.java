package org.anjian.inspection;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The checklist library reads in Chinese: no item of the reference data says an English word (abbreviations of the
 * standards, such as HAZOP or AOD, are the standards' own); the two 工贸 criteria that said how little of them was
 * retrieved in English were revised in Chinese (V83), keeping their codes and the wording they replaced as a version.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ChecklistWordingTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Autowired
	UserDetailsService users;

	@Test
	void noReferenceItemSaysAnEnglishWord() {
		List<String> english = asSystem(() -> jdbc.sql("""
				select code || ': ' || text from checklist_item where code ~ '^(HC2017|GM2023|GEN)-' and text ~ '[a-z]{3,}'""")
			.query(String.class).list());

		assertThat(english).isEmpty();
	}

	@Test
	void theRevisedCriteriaKeepTheirCodesAndTheWordingTheyReplaced() throws Exception {
		for (String code : List.of("GM2023-05-08", "GM2023-07-05")) {
			Object[] item = asSystem(() -> jdbc.sql("select id, version, text, status from checklist_item where code = :c")
				.param("c", code).query((rs, n) -> new Object[] { rs.getLong(1), rs.getInt(2), rs.getString(3),
						rs.getString(4) }).single());
			assertThat(item[1]).as(code + " version").isEqualTo(1);
			assertThat((String) item[2]).as(code).contains("原文待核对").doesNotContainPattern("[A-Za-z]{3,}");
			assertThat(item[3]).isEqualTo("UNVERIFIED");
			String before = asSystem(() -> jdbc.sql("""
					select snapshot->>'text' from checklist_item_version where item_id = :id and version = 0""")
				.param("id", item[0]).query(String.class).single());
			assertThat(before).as(code + " as loaded").contains("topics only");

			String page = mvc.perform(get("/checklists/{id}", item[0]).with(user(users.loadUserByUsername("putuo"))))
				.andReturn().getResponse().getContentAsString();
			assertThat(page).contains(code, "系统（数据库升级）").doesNotContain("system:migration");
		}
	}
}
