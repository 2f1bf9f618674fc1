package org.anjian.penalty;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.anjian.Acting;
import org.anjian.penalty.internal.CatalogueAdministration;
import org.anjian.penalty.internal.CatalogueAdministration.EntryEdit;
import org.anjian.penalty.internal.CatalogueAdministration.ExemptionForm;
import org.anjian.penalty.internal.CatalogueReader;
import org.anjian.penalty.internal.CatalogueStore;
import org.anjian.penalty.internal.CitedArticles;
import org.anjian.shared.ActRefusedException;
import org.anjian.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, build items 1 and 3: the catalogue as data the administrator keeps in revisions (loaded at first start
 * from the reference files, keeping their status), each checklist item that can be violated linked to its entries,
 * and the city's exempt list (免罚清单, 自查自报不罚) as rows with their conditions, source and status.
 */
@SpringBootTest
class PenaltyCatalogueTests {

	private static final List<CatalogueEntry> REFERENCE = CatalogueReader
		.read("/db/reference/penalty/work_safety_law_2021_penalties.json");

	@Autowired
	PenaltyCatalogue catalogue;

	@Autowired
	CatalogueStore store;

	@Autowired
	CatalogueAdministration administration;

	@Autowired
	JdbcClient jdbc;

	// ---- loading

	@Test
	void revisionOneHoldsTheReferenceFileAsItIsAndKeepsItsStatus() {
		CatalogueStore.Snapshot first = store.snapshot(1);
		assertThat(first.revision().createdBy()).isEqualTo("system:penalty catalogue");
		assertThat(first.entries()).extracting(CatalogueEntry::id)
			.containsExactlyInAnyOrderElementsOf(REFERENCE.stream().map(CatalogueEntry::id).toList());
		for (CatalogueEntry reference : REFERENCE) {
			CatalogueEntry loaded = first.rows().get(reference.id()).entry();
			assertThat(List.of(loaded.minYuan(), loaded.maxYuan())).as(reference.id())
				.containsExactly(reference.minYuan(), reference.maxYuan());
			assertThat(loaded.tier()).isEqualTo(reference.tier());
			assertThat(loaded.party()).isEqualTo(reference.party());
			assertThat(loaded.status()).as("the law's file is verified").isEqualTo(SourceStatus.VERIFIED);
		}
		CatalogueEntry training = first.rows().get("SL97-initial-unit").entry();
		assertThat(training.prohibition()).contains("第二十四条", "第二十八条", "第八十一条");
		assertThat(training.prohibitionStatus()).as("the duties each article punishes are not checked yet")
			.isEqualTo(SourceStatus.UNVERIFIED);
	}

	@Test
	void noRevisionRemovesAnEntryIdACaseMayCarry() {
		Set<String> current = catalogue.entries().stream().map(CatalogueEntry::id).collect(Collectors.toSet());
		assertThat(current).containsAll(REFERENCE.stream().map(CatalogueEntry::id).toList());
		assertThat(catalogue.entry("SL97-overdue-unit").citation()).isEqualTo("《安全生产法》第97条");
		assertThatThrownBy(() -> catalogue.entry("SL0-none")).hasMessageContaining("裁量目录中没有条目");
	}

	@Test
	void articlesAreReadAsTheLawWritesThem() {
		assertThat(CitedArticles.of("《中华人民共和国安全生产法》（2021年修正）", "第二十八条第四款")).containsExactly(28);
		assertThat(CitedArticles.of("《中华人民共和国安全生产法》（2021年修正）；《特种作业人员安全技术培训考核管理规定》",
				"安全生产法第三十条")).containsExactly(30);
		assertThat(CitedArticles.of("《中华人民共和国安全生产法》（2021年修正）；《危险化学品安全管理条例》", "第三十五条"))
			.as("two instruments and a clause that does not say which").isEmpty();
		assertThat(CitedArticles.of("《工贸企业重大事故隐患判定标准》", "第四条")).isEmpty();
		assertThat(CitedArticles.article(102)).isEqualTo("第一百零二条");
		assertThat(CitedArticles.article(10)).isEqualTo("第十条");
		assertThat(CitedArticles.article(81)).isEqualTo("第八十一条");
		assertThat(CitedArticles.of("《中华人民共和国安全生产法》", "第一百一十条")).containsExactly(110);
	}

	// ---- links

	@Test
	void aFailedChecklistItemSuggestsTheEntriesOfTheOneArticleThatPunishesTheDutyItCites() {
		long records = item("GEN-PX-02"); // 第二十八条第四款: training records → art. 97
		assertThat(catalogue.entriesFor(records)).extracting(CatalogueEntry::id)
			.contains("SL97-initial-unit", "SL97-overdue-unit", "SL97-overdue-responsible-persons")
			.allMatch(id -> id.startsWith("SL97-"));
		long special = item("GEN-PX-03"); // 安全生产法第三十条 among two instruments → art. 97
		assertThat(catalogue.entriesFor(special)).extracting(CatalogueEntry::id).contains("SL97-initial-unit");
		long equipment = item("GEN-GM-01"); // 第三十六条 → art. 99
		assertThat(catalogue.entriesFor(equipment)).extracting(CatalogueEntry::id)
			.contains("SL99-initial-unit")
			.allMatch(id -> id.startsWith("SL99-"));
		// 第四十一条 is punished by arts. 97, 101 and 102: left to an administrator
		assertThat(linkedBySeed(item("GEN-YH-01"))).isEmpty();
		// a major-hazard criterion cites no article of the law
		assertThat(linkedBySeed(item("HC2017-01"))).isEmpty();
	}

	@Test
	void theAdministratorLinksAndUnlinksAnItem() {
		long item = item("GEN-YH-03");
		String entry = "SL101-initial-unit";
		Acting.as("admin", () -> administration.link(entry, "GEN-YH-03"));
		assertThat(catalogue.entriesFor(item)).extracting(CatalogueEntry::id).contains(entry);
		assertThat(Acting.as("admin", () -> store.linkedItems(entry))).anySatisfy(l -> {
			assertThat(l.code()).isEqualTo("GEN-YH-03");
			assertThat(l.origin()).isEqualTo("ADMIN");
			assertThat(l.linkedBy()).isEqualTo("admin");
		});
		assertThatThrownBy(() -> Acting.as("admin", () -> administration.link(entry, "GEN-YH-03")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("已关联");
		assertThatThrownBy(() -> Acting.as("admin", () -> administration.link(entry, "NO-SUCH-ITEM")))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("没有编号为 NO-SUCH-ITEM 的检查项");
		assertThatThrownBy(() -> Acting.as("putuo", () -> administration.link(entry, "GEN-YH-02")))
			.isInstanceOf(ActRefusedException.class);
		Acting.as("admin", () -> administration.unlink(entry, item));
		assertThat(catalogue.entriesFor(item)).extracting(CatalogueEntry::id).doesNotContain(entry);
	}

	// ---- editing

	@Test
	void anEditIsANewRevisionNamingItsEditorAndReasonAndTheOldOneIsKept() {
		String id = "SL106-person";
		CatalogueStore.Row before = store.current().rows().get(id);
		long newMax = before.entry().maxYuan() + 1_000;
		CatalogueStore.Revision made = Acting.as("admin", () -> administration.revise(id,
				new EntryEdit(String.valueOf(before.entry().minYuan()), String.valueOf(newMax), "协议无效；处罚款",
						"VERIFIED", "与官方文本核对后更正"),
				before.fromRevision()));

		assertThat(made.revision()).isGreaterThan(before.fromRevision());
		assertThat(made.createdBy()).isEqualTo("admin");
		assertThat(catalogue.revision()).isEqualTo(made.revision());
		CatalogueEntry now = catalogue.entry(id);
		assertThat(now.maxYuan()).isEqualTo(newMax);
		assertThat(now.sanction()).isEqualTo("协议无效；处罚款");
		assertThat(now.status()).isEqualTo(SourceStatus.VERIFIED);
		// the revision before still reads as it was
		CatalogueEntry then = catalogue.entry(id, made.revision() - 1);
		assertThat(then.maxYuan()).isEqualTo(before.entry().maxYuan());
		assertThat(store.history(id)).extracting(r -> r.revision().revision())
			.startsWith(made.revision(), before.fromRevision());
		// every other entry is the same in both revisions
		assertThat(store.snapshot(made.revision()).entries().stream().filter(e -> !e.id().equals(id)).toList())
			.containsExactlyElementsOf(store.snapshot(made.revision() - 1).entries().stream()
				.filter(e -> !e.id().equals(id)).toList());
		// the audit trail names the act, the editor and the reason
		Map<String, Object> audited = Acting.asSystem(() -> jdbc.sql("""
				select actor, action, after_state::jsonb ->> 'reason' as reason from audit_record
				where entity_type = 'penalty_catalogue_revision' and entity_id = :id""")
			.param("id", String.valueOf(made.revision()))
			.query()
			.singleRow());
		assertThat(audited).containsEntry("actor", "admin").containsEntry("action", "penalty.catalogue-revise")
			.containsEntry("reason", "与官方文本核对后更正");
	}

	@Test
	void badInputIsRefusedInChineseAndChangesNothing() {
		String id = "SL104-responsible-persons";
		CatalogueStore.Row before = store.current().rows().get(id);
		int revision = catalogue.revision();
		String min = String.valueOf(before.entry().minYuan());
		String max = String.valueOf(before.entry().maxYuan());
		Map<EntryEdit, String> refused = Map.of(
				new EntryEdit("20000", "10000", null, "VERIFIED", "颠倒"), "法定罚款上限应大于下限",
				new EntryEdit("5000", "5000", null, "VERIFIED", "相等"), "法定罚款上限应大于下限",
				new EntryEdit("一万", max, null, "VERIFIED", "非数字"), "法定罚款下限应为不超过",
				new EntryEdit(min, "99999999999", null, "VERIFIED", "过大"), "法定罚款上限应为不超过",
				new EntryEdit(min, max, null, "VERIFIED", " "), "请填写修订理由",
				new EntryEdit(min, max, "x".repeat(1001), "VERIFIED", "过长"), "处罚种类和其他措施不能超过1000个字",
				new EntryEdit(min, max, before.entry().sanction(), "MAYBE", "状态"), "请选择核对状态",
				new EntryEdit(min, max, before.entry().sanction(), before.entry().status().name(), "未改"), "没有修改任何内容");
		refused.forEach((edit, message) -> assertThatThrownBy(
				() -> Acting.as("admin", () -> administration.revise(id, edit, before.fromRevision())))
			.as(edit.reason())
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining(message));
		assertThatThrownBy(() -> Acting.as("legal", () -> administration.revise(id,
				new EntryEdit(min, "999999", null, "VERIFIED", "越权"), before.fromRevision())))
			.isInstanceOf(ActRefusedException.class);
		assertThatThrownBy(() -> Acting.as("admin", () -> administration.revise("SL114-accident-general",
				new EntryEdit("1", "2000000", null, "VERIFIED", "事故"), null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("事故罚款的幅度");
		assertThat(catalogue.revision()).isEqualTo(revision);
		assertThat(catalogue.entry(id)).isEqualTo(before.entry());
	}

	@Test
	void anEditOfAnEntryRevisedMeanwhileIsRefused() {
		String id = "SL105-responsible-persons";
		CatalogueStore.Row before = store.current().rows().get(id);
		String min = String.valueOf(before.entry().minYuan());
		Acting.as("admin", () -> administration.revise(id, new EntryEdit(min,
				String.valueOf(before.entry().maxYuan() + 100), before.entry().sanction(), "VERIFIED", "第一次修订"),
				before.fromRevision()));
		assertThatThrownBy(() -> Acting.as("admin", () -> administration.revise(id, new EntryEdit(min,
				String.valueOf(before.entry().maxYuan() + 200), before.entry().sanction(), "VERIFIED", "据旧版本修订"),
				before.fromRevision())))
			.isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
	}

	/** The benchmark's property holds over the catalogue as it stands after the administrators' revisions too. */
	@Test
	void theBenchmarkHoldsOverTheCurrentRevisionAsRevised() {
		String id = "SL98-initial-responsible-persons";
		CatalogueStore.Row before = store.current().rows().get(id);
		Acting.as("admin", () -> administration.revise(id, new EntryEdit(String.valueOf(before.entry().minYuan() + 1),
				String.valueOf(before.entry().maxYuan() + 3), before.entry().sanction(), before.entry().status().name(),
				"幅度改为不整的数，检验裁量基准的取整"), before.fromRevision()));
		List<CatalogueEntry> current = catalogue.entries();
		assertThat(DiscretionPolicyTests.everyProposalHolds(current)).isGreaterThan(current.size() * 729L * 256);
	}

	// ---- the exempt list

	@Test
	void theExemptListIsLoadedWithItsConditionsSourceAndUnverifiedStatus() {
		Exemption selfReported = catalogue.exemption("SL102-initial-unit").orElseThrow();
		assertThat(selfReported.ground()).isEqualTo(ExemptionGround.SELF_REPORTED);
		assertThat(selfReported.conditions()).contains(ExemptionCondition.SELF_REPORTED,
				ExemptionCondition.CORRECTED_IN_TIME);
		assertThat(selfReported.status()).isEqualTo(SourceStatus.UNVERIFIED);
		assertThat(selfReported.source()).contains("自查自报不罚");
		assertThat(selfReported.appliesWhen(Set.of(ExemptionCondition.SELF_REPORTED,
				ExemptionCondition.CORRECTED_IN_TIME, ExemptionCondition.NO_HARM))).isTrue();
		assertThat(selfReported.appliesWhen(Set.of(ExemptionCondition.CORRECTED_IN_TIME))).isFalse();
		assertThat(catalogue.exemption("SL97-overdue-unit")).isEmpty();
	}

	@Test
	void theAdministratorAddsChangesAndWithdrawsARowAndBadInputChangesNothing() {
		String entry = "SL96-initial-person";
		catalogue.exemption(entry).ifPresent(old -> Acting.as("admin",
				() -> administration.withdrawExemption(old.id(), "测试前清理", null)));
		ExemptionForm form = new ExemptionForm(entry, "LISTED_MINOR", List.of("FIRST_VIOLATION", "MINOR_HARM",
				"CORRECTED_IN_TIME"), "安全生产管理人员未履行职责，初次且及时改正", null, "本机关拟定，待核对", "UNVERIFIED");
		Map<ExemptionForm, String> refused = Map.of(
				new ExemptionForm(entry, "LISTED_MINOR", List.of(), form.covers(), null, form.source(), "UNVERIFIED"),
				"请至少勾选一项免罚条件",
				new ExemptionForm(entry, "SELF_REPORTED", List.of("NO_HARM"), form.covers(), null, form.source(),
						"UNVERIFIED"), "自查自报不罚须以",
				new ExemptionForm(entry, "LISTED_MINOR", List.of("NO_HARM", "MINOR_HARM"), form.covers(), null,
						form.source(), "UNVERIFIED"), "只能选择其一",
				new ExemptionForm(entry, "LISTED_MINOR", List.of("BRIBED"), form.covers(), null, form.source(),
						"UNVERIFIED"), "未知的免罚条件：BRIBED",
				new ExemptionForm(entry, "", form.conditions(), form.covers(), null, form.source(), "UNVERIFIED"),
				"请选择免罚的依据",
				new ExemptionForm(entry, "LISTED_MINOR", form.conditions(), form.covers(), null, " ", "UNVERIFIED"),
				"请填写来源",
				new ExemptionForm("SL0-none", "LISTED_MINOR", form.conditions(), form.covers(), null, form.source(),
						"UNVERIFIED"), "裁量目录中没有条目 SL0-none");
		refused.forEach((bad, message) -> assertThatThrownBy(
				() -> Acting.as("admin", () -> administration.addExemption(bad)))
			.as(message)
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining(message));
		assertThat(catalogue.exemption(entry)).isEmpty();
		assertThatThrownBy(() -> Acting.as("putuo", () -> administration.addExemption(form)))
			.isInstanceOf(ActRefusedException.class);

		Exemption added = Acting.as("admin", () -> administration.addExemption(form));
		assertThat(catalogue.exemption(entry)).contains(added);
		assertThat(added.addedBy()).isEqualTo("admin");
		assertThat(added.conditionsText()).isEqualTo("初次违法、危害后果轻微、及时改正");
		assertThatThrownBy(() -> Acting.as("admin", () -> administration.addExemption(form)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("已在免罚清单中");

		Exemption changed = Acting.as("admin", () -> administration.reviseExemption(added.id(), new ExemptionForm(entry,
				"LISTED_MINOR", List.of("FIRST_VIOLATION", "NO_HARM", "CORRECTED_IN_TIME"), form.covers(), "核对后修改",
				"本市清单第3项", "VERIFIED"), added.version()));
		assertThat(changed.conditions()).contains(ExemptionCondition.NO_HARM).doesNotContain(ExemptionCondition.MINOR_HARM);
		assertThat(changed.status()).isEqualTo(SourceStatus.VERIFIED);
		assertThatThrownBy(() -> Acting.as("admin", () -> administration.reviseExemption(added.id(), form,
				added.version())))
			.isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);

		assertThatThrownBy(() -> Acting.as("admin", () -> administration.withdrawExemption(added.id(), "", null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("请填写撤销理由");
		Exemption withdrawn = Acting.as("admin", () -> administration.withdrawExemption(added.id(), "本市清单已删除该项",
				changed.version()));
		assertThat(withdrawn.inForce()).isFalse();
		assertThat(catalogue.exemption(entry)).isEmpty();
		assertThat(store.exemption(added.id())).get().extracting(Exemption::withdrawalReason).isEqualTo("本市清单已删除该项");
	}

	private long item(String code) {
		return Acting.asSystem(() -> store.checklistItem(code).orElseThrow().id());
	}

	private List<String> linkedBySeed(long item) {
		return Acting.asSystem(() -> jdbc.sql("select entry_id from penalty_checklist_link where checklist_item_id = :i and origin = 'SEED'")
			.param("i", item)
			.query(String.class)
			.list());
	}
}
