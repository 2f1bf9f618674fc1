package org.anjian.inspection;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.inspection.internal.InspectionRecords;
import org.anjian.inspection.internal.InspectionRecords.Outcome;
import org.anjian.inspection.internal.OnSitePlans;
import org.anjian.inspection.internal.RemoteInspections;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.NotFoundException;
import org.anjian.shared.Role;
import org.anjian.shared.Zone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import static org.anjian.Acting.as;
import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Non-site inspection (非现场检查) by 普陀区's brigade: a remote task whose plan holds only the items that may be
 * checked without a visit, the enterprise sending its materials, officers reviewing and finishing, and the remote
 * inspections counted apart — on the embedded PostgreSQL, with row security as each user meets it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RemoteInspectionTests {

	private static final String MATTER = "资料核查测试";

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	@Autowired
	Inspections inspections;

	@Autowired
	RemoteInspections remote;

	@Autowired
	OnSitePlans plans;

	@Autowired
	InspectionRecords records;

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

	long putuo;
	long lead;
	long second;

	@BeforeEach
	void setUp() {
		putuo = asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = '310107'")
			.query(Long.class).single());
		lead = officer("刘洋");
		second = officer("孙丽");
		// two items that may be checked from documents, and one that needs eyes on the site
		asSystem(() -> jdbc.sql("""
				insert into checklist_item (code, module, risk_tag, matter, text, legal_basis, clause, remote_eligible)
				values ('REM-TEST-GEN-1', 'GENERAL', null, :m, '安全生产责任制文件齐全并经主要负责人签发', '《中华人民共和国安全生产法》', '第二十二条', true),
				       ('REM-TEST-GEN-2', 'GENERAL', null, :m, '作业现场安全警示标志设置醒目', '《中华人民共和国安全生产法》', '第三十五条', false),
				       ('REM-TEST-TAG-1', 'TAG', 'CONFINED_SPACE', :m, '有限空间作业审批台账完整', '《工贸企业有限空间作业安全规定》', '第十二条', true)
				on conflict (code) do nothing""").param("m", MATTER).update());
	}

	long officer(String name) {
		return asSystem(() -> jdbc.sql("select id from officer where name = :n and body_id = :b").param("n", name)
			.param("b", putuo).query(Long.class).single());
	}

	String enterprise(String name) {
		return asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107005",
				name + SEQUENCE.incrementAndGet()))).uscc();
	}

	String enterpriseUser(String uscc) {
		String username = "qiye-remote-" + SEQUENCE.incrementAndGet();
		asSystem(() -> {
			UserAccount account = UserAccount.open(username, "企业安全员", "x", Set.of(Role.ENTERPRISE),
					JurisdictionScope.district("310107"), null);
			account.linkEnterprise(uscc);
			accounts.save(account);
		});
		return username;
	}

	InspectionTask approvedRemoteTask(String uscc, String reason) {
		InspectionTask task = asSystem(() -> remote.open(putuo, uscc, reason, List.of(MATTER), LocalDate.now().plusDays(10),
				"putuo"));
		asSystem(() -> inspections.assign(task.id(), lead, second, null));
		asSystem(() -> remote.assembleRemote(task.id()));
		asSystem(() -> inspections.submitPlan(task.id(), null));
		return asSystem(() -> inspections.approvePlan(task.id(), "leader", null));
	}

	static byte[] pdf(String text) {
		return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
	}

	long item(String code) {
		return asSystem(() -> jdbc.sql("select id from checklist_item where code = :c").param("c", code).query(Long.class)
			.single());
	}

	long storedMaterials(long taskId) {
		return asSystem(() -> jdbc.sql("select count(*) from inspection_material where task_id = :t").param("t", taskId)
			.query(Long.class).single());
	}

	@Test
	void aRemoteTasksPlanHoldsOnlyTheItemsThatMayBeCheckedWithoutAVisit() {
		String uscc = enterprise("非现场方案测试机械厂");
		InspectionTask task = asSystem(() -> remote.open(putuo, uscc, "企业申请以资料核查方式接受检查", List.of(MATTER), null,
				"putuo"));
		assertThat(task.mode()).isEqualTo("REMOTE");
		assertThat(task.origin()).isEqualTo(InspectionOrigin.MANUAL);

		int planned = asSystem(() -> remote.assembleRemote(task.id()));

		List<OnSitePlans.PlannedItem> items = asSystem(() -> plans.items(task.id()));
		assertThat(items).hasSize(planned);
		List<Long> ids = items.stream().map(OnSitePlans.PlannedItem::checklistItemId).toList();
		assertThat(ids).contains(item("REM-TEST-GEN-1"), item("REM-TEST-TAG-1")).doesNotContain(item("REM-TEST-GEN-2"));
		long ineligible = asSystem(() -> jdbc.sql("""
				select count(*) from inspection_plan_item p join checklist_item c on c.id = p.checklist_item_id
				where p.task_id = :t and not c.remote_eligible""").param("t", task.id()).query(Long.class).single());
		assertThat(ineligible).isZero();
		// the modules keep the on-site order: general before risk tag
		assertThat(items.stream().map(OnSitePlans.PlannedItem::module).distinct().toList()).containsSubsequence("GENERAL", "TAG");
		// the on-site assembly would bring in items that need a visit: it refuses a remote task
		assertThatThrownBy(() -> asSystem(() -> plans.assemble(task.id()))).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("非现场检查方案");
		assertThatThrownBy(() -> asSystem(() -> {
			plans.add(task.id(), item("REM-TEST-GEN-2"));
			return null;
		})).isInstanceOf(InvalidInputException.class).hasMessageContaining("不能非现场检查");
		assertThatThrownBy(() -> asSystem(() -> remote.open(putuo, uscc, " ", List.of(MATTER), null, "putuo")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("检查理由");
	}

	@Test
	void anOfficerOpensARemoteTaskByHandFromItsFormAndOnlyWithAReason() throws Exception {
		String uscc = enterprise("非现场表单测试机械厂");
		var putuoOfficer = user(users.loadUserByUsername("putuo"));
		assertThat(mvc.perform(get("/inspections/remote/new").with(putuoOfficer)).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		MockHttpServletResponse refused = mvc.perform(post("/inspections/remote").with(putuoOfficer).with(csrf())
			.param("uscc", uscc).param("matters", MATTER).param("reason", " ")).andReturn().getResponse();
		assertThat(refused.getRedirectedUrl()).isEqualTo("/inspections/remote/new");
		MockHttpServletResponse opened = mvc.perform(post("/inspections/remote").with(putuoOfficer).with(csrf())
			.param("uscc", uscc).param("matters", MATTER + "、安全生产责任制落实").param("reason", "企业申请资料核查")
			.param("plannedOn", LocalDate.now().plusDays(7).toString())).andReturn().getResponse();

		assertThat(opened.getRedirectedUrl()).startsWith("/inspections/");
		long id = Long.parseLong(opened.getRedirectedUrl().substring("/inspections/".length()));
		InspectionTask task = asSystem(() -> inspections.task(id));
		assertThat(task.mode()).isEqualTo("REMOTE");
		assertThat(task.uscc()).isEqualTo(uscc);
		assertThat(task.matters()).containsExactly(MATTER, "安全生产责任制落实");
		assertThat(task.plannedOn()).isEqualTo(LocalDate.now().plusDays(7));
	}

	@Test
	void theEnterpriseSendsMaterialsOnceThePlanIsApprovedAndTheSameFileTwiceStoresNothingNew() {
		String uscc = enterprise("非现场材料测试机械厂");
		String qiye = enterpriseUser(uscc);
		InspectionTask open = asSystem(() -> remote.open(putuo, uscc, "资料核查：尚未批准方案", List.of(MATTER), null, "putuo"));
		asSystem(() -> remote.assembleRemote(open.id()));
		long general = item("REM-TEST-GEN-1");
		assertThatThrownBy(() -> as(qiye, () -> remote.submit(open.id(), general, "责任制.pdf", pdf("early"), qiye)))
			.isInstanceOf(InvalidTransitionException.class).hasMessageContaining("经批准后");

		InspectionTask task = approvedRemoteTask(uscc, "资料核查：责任制与台账");
		byte[] file = pdf("责任制 " + task.id());

		RemoteInspections.Submitted first = as(qiye, () -> remote.submit(task.id(), general, "C:\\资料\\责任制.pdf", file, qiye));
		RemoteInspections.Submitted again = as(qiye, () -> remote.submit(task.id(), general, "责任制.pdf", file, qiye));

		assertThat(first.stored()).isTrue();
		assertThat(first.material().fileName()).isEqualTo("责任制.pdf");
		assertThat(first.material().contentType()).isEqualTo("application/pdf");
		assertThat(again.stored()).isFalse();
		assertThat(again.material().id()).isEqualTo(first.material().id());
		assertThat(storedMaterials(task.id())).isEqualTo(1);
		// the audit trail records who sent which file by its digest, without copying the file's bytes
		String audited = asSystem(() -> jdbc.sql("""
				select after_state::text from audit_record where entity_type = 'inspection_material' and entity_id = :id""")
			.param("id", String.valueOf(first.material().id())).query(String.class).single());
		assertThat(audited).contains(first.material().sha256()).contains(qiye).doesNotContain("\"data\"");
		assertThat(as(qiye, () -> remote.materials(task.id()))).extracting(RemoteInspections.Material::sha256)
			.containsExactly(first.material().sha256());
		// the enterprise's user reads its own remote task and its plan through row security
		assertThat(as(qiye, () -> remote.awaitingMaterials())).extracting(InspectionTask::id).contains(task.id())
			.doesNotContain(open.id());

		// refused, with nothing stored: an item not in the plan, a file of another kind, one too large, none at all
		long onSiteOnly = item("REM-TEST-GEN-2");
		assertThatThrownBy(() -> as(qiye, () -> remote.submit(task.id(), onSiteOnly, "警示.pdf", pdf("x"), qiye)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("不在本次非现场检查方案中");
		assertThatThrownBy(() -> as(qiye, () -> remote.submit(task.id(), general, "责任制.docx",
				"PK\u0003\u0004 word".getBytes(StandardCharsets.ISO_8859_1), qiye)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("PDF、JPEG 或 PNG");
		byte[] tooLarge = Arrays.copyOf(pdf("big"), RemoteInspections.MAX_BYTES + 1);
		assertThatThrownBy(() -> as(qiye, () -> remote.submit(task.id(), general, "大文件.pdf", tooLarge, qiye)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("10 MB");
		assertThatThrownBy(() -> as(qiye, () -> remote.submit(task.id(), general, "空.pdf", new byte[0], qiye)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("请选择");
		assertThat(storedMaterials(task.id())).isEqualTo(1);
	}

	@Test
	void anotherEnterprisesUserNeitherSeesNorSendsMaterials() throws Exception {
		String uscc = enterprise("非现场隔离测试机械厂");
		InspectionTask task = approvedRemoteTask(uscc, "资料核查：隔离测试" + SEQUENCE.incrementAndGet());
		String stranger = enterpriseUser(enterprise("非现场隔离测试他厂"));
		long general = item("REM-TEST-GEN-1");

		assertThatThrownBy(() -> as(stranger, () -> remote.submit(task.id(), general, "a.pdf", pdf("intruder"), stranger)))
			.isInstanceOf(NotFoundException.class);
		assertThatThrownBy(() -> as(stranger, () -> remote.materials(task.id()))).isInstanceOf(NotFoundException.class);
		assertThat(as(stranger, () -> remote.awaitingMaterials())).extracting(InspectionTask::id).doesNotContain(task.id());

		String page = mvc.perform(get("/my/inspections").with(user(users.loadUserByUsername(stranger))))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain(task.reason());
		MockHttpServletResponse upload = mvc.perform(multipart("/my/inspections/" + task.id() + "/items/" + general + "/materials")
			.file(new MockMultipartFile("file", "a.pdf", "application/pdf", pdf("intruder")))
			.with(user(users.loadUserByUsername(stranger))).with(csrf())).andReturn().getResponse();
		assertThat(upload.getStatus()).isEqualTo(404);
		// nor may an enterprise's user open the officers' review of any task
		assertThat(mvc.perform(get("/inspections/" + task.id() + "/materials").with(user(users.loadUserByUsername(stranger))))
			.andReturn().getResponse().getStatus()).isEqualTo(403);
		assertThat(storedMaterials(task.id())).isZero();
	}

	@Test
	void anOnSiteTaskRefusesMaterials() {
		String uscc = enterprise("现场检查拒收材料测试厂");
		InspectionTask task = asSystem(() -> inspections.open(putuo, uscc, "群众举报", List.of(MATTER), null, "putuo"));
		asSystem(() -> inspections.assign(task.id(), lead, second, null));
		asSystem(() -> plans.assemble(task.id()));
		asSystem(() -> inspections.submitPlan(task.id(), null));
		asSystem(() -> inspections.approvePlan(task.id(), "leader", null));

		assertThatThrownBy(() -> asSystem(() -> remote.submit(task.id(), item("REM-TEST-GEN-1"), "a.pdf", pdf("x"), "putuo")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("现场检查");
		assertThatThrownBy(() -> asSystem(() -> remote.assembleRemote(task.id()))).isInstanceOf(InvalidInputException.class);
		// the enterprise's own user does not even reach an on-site task
		String qiye = enterpriseUser(uscc);
		assertThatThrownBy(() -> as(qiye, () -> remote.submit(task.id(), item("REM-TEST-GEN-1"), "a.pdf", pdf("x"), qiye)))
			.isInstanceOf(NotFoundException.class);
		assertThat(storedMaterials(task.id())).isZero();
	}

	@Test
	void theOfficerReviewsTheMaterialsRecordsEachItemAndFinishesAndRemoteInspectionsAreCountedApart() throws Exception {
		int year = LocalDate.now(Zone.SHANGHAI).getYear();
		RemoteInspections.Counts before = asSystem(() -> remote.counts(year));
		String uscc = enterprise("非现场完成测试机械厂");
		String qiye = enterpriseUser(uscc);
		InspectionTask task = approvedRemoteTask(uscc, "资料核查：完成测试");
		long general = item("REM-TEST-GEN-1");
		long tag = item("REM-TEST-TAG-1");

		// the enterprise finds the task on its page and sends a file through the form
		String mine = mvc.perform(get("/my/inspections").with(user(users.loadUserByUsername(qiye))))
			.andReturn().getResponse().getContentAsString();
		String bodyName = asSystem(() -> jdbc.sql("select name from enforcement_body where id = :b").param("b", putuo)
			.query(String.class).single());
		assertThat(mine).contains("有限空间作业审批台账完整").contains("资料核查：完成测试").contains(bodyName);
		byte[] file = pdf("台账 " + task.id());
		MockHttpServletResponse sent = mvc.perform(multipart("/my/inspections/" + task.id() + "/items/" + tag + "/materials")
			.file(new MockMultipartFile("file", "审批台账.pdf", "application/pdf", file))
			.with(user(users.loadUserByUsername(qiye))).with(csrf())).andReturn().getResponse();
		assertThat(sent.getStatus()).isEqualTo(302);
		assertThat(storedMaterials(task.id())).isEqualTo(1);

		// the officer reviews it and downloads the very file
		var putuoOfficer = user(users.loadUserByUsername("putuo"));
		String review = mvc.perform(get("/inspections/" + task.id() + "/materials").with(putuoOfficer))
			.andReturn().getResponse().getContentAsString();
		assertThat(review).contains("审批台账.pdf").contains("企业尚未提交材料");
		long materialId = asSystem(() -> remote.materials(task.id())).get(0).id();
		MockHttpServletResponse download = mvc.perform(get("/inspections/" + task.id() + "/materials/" + materialId)
			.with(putuoOfficer)).andReturn().getResponse();
		assertThat(download.getStatus()).isEqualTo(200);
		assertThat(download.getContentType()).isEqualTo("application/pdf");
		assertThat(download.getContentAsByteArray()).isEqualTo(file);
		assertThat(download.getHeader("Content-Disposition")).startsWith("attachment");
		String taskPage = mvc.perform(get("/inspections/" + task.id()).with(putuoOfficer)).andReturn().getResponse()
			.getContentAsString();
		assertThat(taskPage).contains("非现场检查").contains("/inspections/" + task.id() + "/materials");

		// results through the record, as for a visit; the first one starts the inspection
		for (OnSitePlans.PlannedItem item : asSystem(() -> plans.items(task.id()))) {
			asSystem(() -> records.record(task.id(), item.checklistItemId(),
					item.checklistItemId() == general ? Outcome.FAIL : Outcome.PASS,
					item.checklistItemId() == general ? "未提交经签发的安全生产责任制文件" : null, null, null, "putuo"));
		}
		InspectionFinished finished = asSystem(() -> records.finish(task.id(), null));

		assertThat(finished.hazards()).isEqualTo(1);
		assertThat(asSystem(() -> inspections.task(task.id())).status()).isEqualTo(InspectionStatus.FINISHED);
		RemoteInspections.Counts after = asSystem(() -> remote.counts(year));
		assertThat(after.remote()).isEqualTo(before.remote() + 1);
		assertThat(after.onSite()).isEqualTo(before.onSite());
		// a finished task waits for no material and takes none
		assertThat(as(qiye, () -> remote.awaitingMaterials())).extracting(InspectionTask::id).doesNotContain(task.id());
		assertThatThrownBy(() -> as(qiye, () -> remote.submit(task.id(), general, "补交.pdf", pdf("late"), qiye)))
			.isInstanceOf(InvalidTransitionException.class);

		String list = mvc.perform(get("/inspections").with(putuoOfficer)).andReturn().getResponse().getContentAsString();
		assertThat(list).contains("非现场检查 ").contains("现场检查 ").contains("非现场");
	}
}
