package org.anjian.inspection.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.inspection.InspectionCodeFixtures;
import org.anjian.inspection.internal.InspectionRecords;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The record page's answers, as htmx and as a plain form meet them: an item saved in place answers its own state with
 * the progress and the finishing summary out of band; a failed item without a note is refused beside the item (400),
 * nothing saved; saving again replaces; without scripts the page comes back at the item with the refusal, the
 * outcome chosen and the note typed; finishing goes on to the task page, or back to the record with why not.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InspectionRecordPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	UserDetailsService users;

	@Autowired
	InspectionRecords records;

	private RequestPostProcessor putuo() {
		return user(users.loadUserByUsername("putuo"));
	}

	@Test
	void anItemSavedByHtmxAnswersItsStateAndTheProgressAndARefusalStaysBesideTheItem() throws Exception {
		var task = new InspectionCodeFixtures(jdbc, registry).task("310107", "记录页局部保存测试机械厂", "PLAN_APPROVED");
		List<Long> items = items(task.id());

		MockHttpServletResponse saved = mvc.perform(htmx(save(task.id(), items.get(0), "PASS", ""))).andReturn().getResponse();
		assertThat(saved.getStatus()).isEqualTo(200);
		assertThat(saved.getHeader(InspectionRecordPages.ITEM_HEADER)).isEqualTo(String.valueOf(items.get(0)));
		Document answer = Jsoup.parseBodyFragment(saved.getContentAsString(StandardCharsets.UTF_8));
		assertThat(answer.body().child(0).id()).as("the item's state comes first, swapped into its place")
			.isEqualTo("state-" + items.get(0));
		assertThat(answer.getElementById("state-" + items.get(0)).text()).contains("已保存：合格");
		assertThat(answer.getElementById("progress").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(answer.getElementById("progress").text()).contains("1 / 2 已记录");
		assertThat(answer.getElementById("finish-summary").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(answer.getElementById("finish-missing").text()).contains("还有 1 项未记录（共 2 项）");
		assertThat(answer.selectFirst("#finish-summary input[name=version]").val())
			.as("the version the first save moved the task to, for finishing without a reload")
			.isEqualTo(String.valueOf(version(task.id())));

		MockHttpServletResponse refused = mvc.perform(htmx(save(task.id(), items.get(1), "FAIL", " "))).andReturn()
			.getResponse();
		assertThat(refused.getStatus()).isEqualTo(400);
		assertThat(refused.getHeader(InspectionRecordPages.ITEM_HEADER)).isEqualTo(String.valueOf(items.get(1)));
		Element state = Jsoup.parseBodyFragment(refused.getContentAsString(StandardCharsets.UTF_8))
			.getElementById("state-" + items.get(1));
		assertThat(state.selectFirst(".item-error").text()).isEqualTo("不合格项须写明发现的问题");
		assertThat(results(task.id())).hasSize(1);

		// saved again, the result is replaced: one per item
		mvc.perform(htmx(save(task.id(), items.get(1), "FAIL", "东侧污水井未设置警示标识")));
		MockHttpServletResponse again = mvc.perform(htmx(save(task.id(), items.get(1), "FAIL", "东侧污水井未设置警示标识和围挡")))
			.andReturn().getResponse();
		assertThat(results(task.id())).hasSize(2)
			.anySatisfy(r -> assertThat(r.note()).isEqualTo("东侧污水井未设置警示标识和围挡"));
		Document last = Jsoup.parseBodyFragment(again.getContentAsString(StandardCharsets.UTF_8));
		assertThat(last.getElementById("progress").text()).contains("2 / 2 已记录", "不合格 1 项");
		assertThat(last.getElementById("finish-question").text()).isEqualTo(
				"共 2 项，其中不合格 1 项。完成后记录不能再修改，不合格项将作为隐患责令企业整改。");
	}

	@Test
	void withoutScriptsARefusedItemComesBackBesideItselfWithTheOutcomeChosenAndTheNoteTyped() throws Exception {
		var task = new InspectionCodeFixtures(jdbc, registry).task("310107", "记录页整页保存测试机械厂", "PLAN_APPROVED");
		List<Long> items = items(task.id());
		mvc.perform(save(task.id(), items.get(0), "PASS", ""));

		MvcResult refused = mvc.perform(save(task.id(), items.get(1), "FAIL", "")).andReturn();
		assertThat(refused.getResponse().getRedirectedUrl())
			.isEqualTo("/inspections/" + task.id() + "/record#item-" + items.get(1));
		assertThat(refused.getFlashMap().get("refused")).isNull();
		Document page = page(task.id(), refused);
		Element item = page.getElementById("item-" + items.get(1));
		assertThat(item.selectFirst(".item-error").text()).isEqualTo("不合格项须写明发现的问题");
		assertThat(item.getElementById("o-" + items.get(1) + "-FAIL").hasAttr("checked")).isTrue();
		assertThat(page.getElementById("refused")).as("the reason is the item's, not the page's").isNull();
		assertThat(page.getElementById("item-" + items.get(0)).selectFirst(".saved").text()).isEqualTo("已保存：合格");
		assertThat(page.getElementById("item-" + items.get(0)).hasClass("border-success")).isTrue();

		// a note typed without an outcome comes back as typed too
		MvcResult typed = mvc.perform(save(task.id(), items.get(1), "", "东侧污水井未设置警示标识")).andReturn();
		Element again = page(task.id(), typed).getElementById("item-" + items.get(1));
		assertThat(again.selectFirst(".item-error").text()).isEqualTo("请选择 合格、不合格 或 不适用");
		assertThat(again.selectFirst("textarea[name=note]").text()).isEqualTo("东侧污水井未设置警示标识");
	}

	@Test
	void finishingGoesOnToTheTaskPageOrBackToTheRecordSayingWhatIsMissing() throws Exception {
		var task = new InspectionCodeFixtures(jdbc, registry).task("310107", "记录页完成测试机械厂", "PLAN_APPROVED");
		List<Long> items = items(task.id());
		mvc.perform(htmx(save(task.id(), items.get(0), "PASS", "")));

		MvcResult missing = mvc.perform(post("/inspections/{id}/finish", task.id()).with(putuo()).with(csrf())
			.param("version", String.valueOf(version(task.id())))).andReturn();
		assertThat(missing.getResponse().getRedirectedUrl()).isEqualTo("/inspections/" + task.id() + "/record");
		assertThat(missing.getFlashMap().get("refused")).isEqualTo("还有 1 个检查项没有记录结果，请逐项记录后再完成");
		Document page = page(task.id(), missing);
		assertThat(page.getElementById("finish-missing").text()).isEqualTo("还有 1 项未记录（共 2 项），请逐项记录后再完成检查。");
		assertThat(page.getElementById("finish-confirmed").hasAttr("disabled")).isTrue();

		mvc.perform(htmx(save(task.id(), items.get(1), "NOT_APPLICABLE", "")));
		MvcResult finished = mvc.perform(post("/inspections/{id}/finish", task.id()).with(putuo()).with(csrf())
			.param("version", String.valueOf(version(task.id())))).andReturn();
		assertThat(finished.getResponse().getRedirectedUrl()).isEqualTo("/inspections/" + task.id());
		assertThat((String) finished.getFlashMap().get("done")).startsWith("检查已完成：发现隐患 0 项");
	}

	private MockHttpServletRequestBuilder save(long task, long item, String outcome, String note) {
		return post("/inspections/{id}/results/{item}", task, item).with(putuo()).with(csrf()).param("outcome", outcome)
			.param("note", note);
	}

	private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return request.header("HX-Request", "true");
	}

	/** The record page the browser is sent to after a plain post, in the same session. */
	private Document page(long task, MvcResult after) throws Exception {
		return Jsoup.parse(mvc.perform(get("/inspections/{id}/record", task).with(putuo())
			.cookie(after.getResponse().getCookies())).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
	}

	private List<Long> items(long task) {
		return asSystem(() -> jdbc.sql("select checklist_item_id from inspection_plan_item where task_id = :t order by position")
			.param("t", task).query(Long.class).list());
	}

	private int version(long task) {
		return asSystem(() -> jdbc.sql("select version from inspection_task where id = :t").param("t", task)
			.query(Integer.class).single());
	}

	private List<InspectionRecords.Result> results(long task) {
		return asSystem(() -> records.results(task));
	}
}
