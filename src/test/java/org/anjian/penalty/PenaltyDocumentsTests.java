package org.anjian.penalty;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import org.anjian.Acting;
import org.anjian.MovableClock;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.hazard.TaskHazards;
import org.anjian.identity.UserAccount;
import org.anjian.identity.UserAccounts;
import org.anjian.inspection.InspectionCodeFixtures;
import org.anjian.penalty.PenaltyDocument.Kind;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.JurisdictionScope;
import org.anjian.shared.Role;
import org.anjian.shared.documents.OfficialDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static org.anjian.ReadBack.pdfText;
import static org.anjian.ReadBack.qrOfFirstPage;
import static org.anjian.ReadBack.squeezed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The documents of a penalty case (issue 15, build item 6), read back as their readers read them: each issued by its
 * act with its number per body, kind and year, without gaps; printed as A4 PDF and read back by {@code pdftotext};
 * reached only within the caller's jurisdiction, and by the party only for what is served on it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PenaltyDocumentsTests {

	private static final String PUTUO = "310107";

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	private static final FourReasons WHY = new FourReasons("经查，当事人未按规定对有限空间作业进行通风检测，有现场检查记录和询问笔录为证",
			"当事人的行为违反了《安全生产法》第四十一条的规定", "认定的情节均属一般，在一般档内确定罚款6万元",
			"当事人称已整改，经核实整改属实，但不足以从轻处罚，不予采纳");

	@Autowired
	MockMvc mvc;

	@Autowired
	PenaltyProcedure procedure;

	@Autowired
	PenaltyDocuments documents;

	@Autowired
	PenaltyCatalogue catalogue;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	TaskHazards hazards;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	UserDetailsService users;

	@Autowired
	UserAccounts accounts;

	@Autowired
	MovableClock clock;

	@Autowired
	TransactionTemplate transactions;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/**
	 * A case from an inspection's failed item runs the whole procedure; each act issues its document with its number,
	 * and every document reads back with what the law asks it to say. 行政处罚法第五十九条: the decision states 「违反法
	 * 律、法规、规章的事实和证据；行政处罚的种类和依据；行政处罚的履行方式和期限；申请行政复议、提起行政诉讼的途径和期限」.
	 */
	@Test
	void everyDocumentOfAFinedCaseIsIssuedByItsActAndReadsBackWithTheArticleTheAmountAndTheFourReasons() throws Exception {
		InspectionCodeFixtures.Task task = new InspectionCodeFixtures(jdbc, registry).task(PUTUO, "处罚文书测试机械厂"
				+ SEQUENCE.incrementAndGet(), "FINISHED");
		long hazardId = Acting.asSystem(() -> hazards.of(task.id())).get(0).id();
		long id = Acting.as("putuo", () -> procedure.fileFromHazard(hazardId, Party.UNIT, "SL97-initial-unit",
				"未按规定对有限空间作业进行通风检测")).id();
		assertThat(status(id, "filing-approval").getContentAsString()).as("nothing before 立案 is approved")
			.contains("案件尚未批准立案");

		Acting.as("leader", () -> procedure.approveFiling(id, List.of("putuo", "刘强"), null));
		Acting.as("putuo", () -> procedure.recordEvidence(id, Evidence.Kind.INQUIRY,
				"问：有限空间作业前是否通风检测？\n答：当天没有检测。", null)).id();
		long inquiryId = Acting.as("putuo", () -> procedure.evidence(id)).get(0).id();
		Acting.as("putuo", () -> procedure.assess(id, List.of(), null, null, null));
		Acting.as("putuo", () -> procedure.endInvestigation(id, null));
		// 行政处罚法第六十二条: no decision before the party was told and heard — the decision does not exist yet
		MockHttpServletResponse early = status(id, "decision");
		assertThat(early.getStatus()).isEqualTo(404);
		assertThat(early.getContentAsString()).contains("案件尚未作出行政处罚决定");

		Acting.as("putuo", () -> procedure.sendToLegalReview(id, null));
		Acting.as("legal", () -> procedure.passLegalReview(id, "事实清楚，证据确凿，适用依据正确，裁量适当，同意", null));
		Acting.as("putuo", () -> procedure.notifyParty(id, 60_000, null));
		Acting.as("putuo", () -> procedure.recordDefence(id, "我单位已整改，请求从轻处罚", null));
		Acting.as("leader", () -> procedure.recordDiscussion(id, "负责人集体讨论：同意按告知数额处罚", null));
		PenaltyCase decided = Acting.as("leader", () -> procedure.decide(id, 60_000, WHY, null));
		PenaltyCase delivered = Acting.as("putuo", () -> procedure.deliver(id, decided.decidedOn(), null));

		int year = decided.decidedOn().getYear();
		CatalogueEntry entry = catalogue.entry("SL97-initial-unit");
		MockHttpServletResponse decisionPdf = ok(id, "decision");
		String decision = squeezed(pdfText(decisionPdf));
		assertThat(decision).contains("行政处罚决定书", "（单位）", number(id, Kind.DECISION), squeezed(entry.citation()),
				"6万元", "陆万元整", "事理", "法理", "道理", "情理", squeezed(WHY.facts()), squeezed(WHY.law()),
				squeezed(WHY.discretion()), squeezed(WHY.defence()), task.enterpriseName());
		// 行政处罚法第六十七条第三款「当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款」;
		// 第七十二条第一款第（一）项「到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额」
		assertThat(decision).contains("十五日内", "百分之三", "不得超出罚款的数额",
				squeezed(OfficialDocument.DAY.format(delivered.paymentDue())));
		// 行政复议法第二十条「…可以自知道或者应当知道该行政行为之日起六十日内提出行政复议申请」and 行政诉讼法第四十六条「…应当自知道
		// 或者应当知道作出行政行为之日起六个月内提出」
		assertThat(decision).contains("六十日内", "行政复议", "六个月内", "行政诉讼");
		assertThat(number(id, Kind.DECISION)).matches("沪普应急罚决〔" + year + "〕\\d+号");
		assertThat(qrOfFirstPage(decisionPdf)).as("the QR code of the inspection the case came from")
			.isEqualTo("http://localhost/p/ic/" + task.token());

		assertThat(squeezed(pdfText(ok(id, "filing-approval")))).contains("立案审批表", number(id, Kind.FILING_APPROVAL),
				"检查发现", squeezed(entry.citation()));
		assertThat(squeezed(pdfText(mvc.perform(get("/penalty-cases/{id}/documents/inquiry/{e}", id, inquiryId)
			.with(user(users.loadUserByUsername("putuo")))).andReturn().getResponse())))
			.contains("询问笔录", "当天没有检测", number(id, Kind.FILING_APPROVAL));
		assertThat(squeezed(pdfText(ok(id, "notice")))).contains("行政处罚告知书", "6万元", "陆万元整", "陈述和申辩",
				number(id, Kind.HEARING_NOTICE));
		// 行政处罚法第六十四条「（一）当事人要求听证的，应当在行政机关告知后五日内提出；（二）行政机关应当在举行听证的七日前，通知
		// 当事人…举行听证的时间、地点」
		assertThat(squeezed(pdfText(ok(id, "hearing-notice")))).contains("听证告知书", "5个工作日内",
				"7个工作日前");
		assertThat(squeezed(pdfText(ok(id, "defence")))).contains("陈述申辩笔录", "我单位已整改，请求从轻处罚");
		// 行政处罚法第五十八条: 未经法制审核或者审核未通过的，不得作出决定
		assertThat(squeezed(pdfText(ok(id, "legal-opinion")))).contains("法制审核意见", "事实清楚，证据确凿", "通过");
		assertThat(squeezed(pdfText(ok(id, "discussion")))).contains("集体讨论记录", "同意按告知数额处罚");
		assertThat(squeezed(pdfText(ok(id, "delivery-receipt")))).contains("送达回证", number(id, Kind.DECISION),
				number(id, Kind.DELIVERY_RECEIPT));

		// before the payment deadline there is nothing to remind of
		assertThat(status(id, "payment-reminder").getContentAsString()).contains("尚未届满");
		clock.advance(Duration.ofDays(PenaltyCase.PAYMENT_DAYS + 5));
		LocalDate late = procedure.today();
		PenaltyCase unpaid = Acting.as("putuo", () -> procedure.penaltyCase(id));
		// 行政处罚法第七十二条第一款第（一）项 (above): five days late, 3% of 6万元 a day → 9,000 yuan, 69,000 in all
		assertThat(unpaid.lateCharge(late)).isEqualTo(9_000);
		String reminder = squeezed(pdfText(ok(id, "payment-reminder")));
		assertThat(reminder).contains("罚款催缴通知书", number(id, Kind.PAYMENT_REMINDER), "9,000元", "6.9万元", "陆万玖仟元整");
		// each number was taken in the transaction of the act that issued its document, under that act's name
		assertThat(issuedUnder(id, Kind.DECISION)).isEqualTo("penalty.decide");
		assertThat(issuedUnder(id, Kind.HEARING_NOTICE)).isEqualTo("penalty.notify");
		assertThat(issuedUnder(id, Kind.PAYMENT_REMINDER)).isEqualTo("penalty.issue-payment-reminder");
		Acting.as("putuo", () -> procedure.recordPayment(id, late, unpaid.due(late), null));
		Acting.as("putuo", () -> procedure.close(id, null));
		assertThat(squeezed(pdfText(ok(id, "closing-approval")))).contains("结案审批表", "同意结案", "6.9万元");

		MockHttpServletResponse filePdf = ok(id, "case-file");
		String file = squeezed(pdfText(filePdf));
		String contents = squeezed(firstPage(filePdf.getContentAsByteArray()));
		assertThat(contents).contains("卷内文书目录", "卷内第1页", "案卷");
		List<String> issued = Acting.asSystem(() -> jdbc.sql("select number from penalty_document where case_id = :id")
			.param("id", id).query(String.class).list());
		assertThat(issued).hasSize(10);
		for (String each : issued) {
			assertThat(contents).as("the table of contents lists %s", each).contains(each);
			assertThat(file.split(Pattern.quote(each), -1).length - 1).as("%s: in the contents and on its pages", each)
				.isGreaterThanOrEqualTo(2);
		}
		for (Kind kind : Kind.values()) {
			if (kind != Kind.CASE_FILE && kind != Kind.NO_PENALTY_DECISION) {
				assertThat(contents).as("the contents list the %s", kind.title()).contains(kind.title());
			}
		}
		assertThat(Acting.as("putuo", () -> documents.of(procedure.penaltyCase(id))))
			.extracting(PenaltyDocument::kind)
			.containsExactly(Kind.FILING_APPROVAL, Kind.INQUIRY, Kind.NOTICE, Kind.HEARING_NOTICE, Kind.DEFENCE,
					Kind.LEGAL_OPINION, Kind.DISCUSSION, Kind.DECISION, Kind.DELIVERY_RECEIPT, Kind.PAYMENT_REMINDER,
					Kind.CLOSING_APPROVAL);
	}

	/**
	 * 行政处罚法第三十三条第一款「违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，
	 * 可以不予行政处罚。」 and 「对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育」: the no-penalty decision
	 * prints the ground and the education given.
	 */
	@Test
	void theNoPenaltyDecisionPrintsTheGroundAndTheEducationAndNoFineDocumentExists() throws Exception {
		Enterprise enterprise = enterprise();
		long id = Acting.as("putuo", () -> procedure.file(enterprise.uscc(), Party.UNIT, "SL97-initial-unit",
				"安全生产教育培训档案缺少一名新员工的记录，当场补齐")).id();
		Acting.as("leader", () -> procedure.approveFiling(id, List.of("putuo", "刘强"), null));
		Acting.as("putuo", () -> procedure.recordEvidence(id, Evidence.Kind.RECORD, "现场检查记录及补齐的培训档案", null));
		Acting.as("putuo", () -> procedure.assess(id, List.of(DiscretionFactor.NO_PENALTY_MINOR.name()), null, null, null));
		Acting.as("putuo", () -> procedure.endInvestigation(id, null));
		Acting.as("leader", () -> procedure.decideNotToPunish(id,
				"违法行为轻微并已当场改正，没有造成危害后果；已向当事人讲解安全生产教育培训的法定要求", null));

		String text = squeezed(pdfText(ok(id, "no-penalty-decision")));
		assertThat(text).contains("不予行政处罚决定书", number(id, Kind.NO_PENALTY_DECISION), "说理式执法",
				"已向当事人讲解安全生产教育培训的法定要求", squeezed(DiscretionFactor.NO_PENALTY_MINOR.label()),
				"六十日内", "六个月内");
		assertThat(status(id, "decision").getContentAsString()).contains("案件尚未作出行政处罚决定");
		assertThat(status(id, "notice").getContentAsString()).contains("案件尚未告知当事人");
		assertThat(status(id, "case-file").getContentAsString()).contains("案件尚未结案");
	}

	/**
	 * 文号 per body, kind and year without gaps: an act refused before it is done takes no number, an act rolled back
	 * after taking one gives it back, and issuing again keeps the number.
	 */
	@Test
	void numbersRunWithoutAGapPerBodyKindAndYearEvenWhenAnActFailsAndRollsBack() {
		long first = filed();
		long second = filed();
		long third = filed();
		Acting.as("leader", () -> procedure.approveFiling(first, List.of("putuo", "刘强"), null));
		int n = sequence(first, Kind.FILING_APPROVAL);
		assertThatThrownBy(() -> Acting.as("leader", () -> procedure.approveFiling(second, List.of("putuo"), null)))
			.isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> Acting.as("leader", () -> transactions.executeWithoutResult(tx -> {
			procedure.approveFiling(third, List.of("putuo", "刘强"), null);
			throw new IllegalStateException("something later in the act fails: all of it rolls back");
		}))).hasMessageContaining("rolls back");
		assertThat(Acting.as("putuo", () -> documents.number(third, Kind.FILING_APPROVAL))).isEmpty();

		Acting.as("leader", () -> procedure.approveFiling(second, List.of("putuo", "刘强"), null));
		Acting.as("leader", () -> procedure.approveFiling(third, List.of("putuo", "刘强"), null));
		assertThat(List.of(sequence(second, Kind.FILING_APPROVAL), sequence(third, Kind.FILING_APPROVAL)))
			.containsExactly(n + 1, n + 2);
		int year = procedure.today().getYear();
		assertThat(number(third, Kind.FILING_APPROVAL)).isEqualTo("沪普应急罚立〔" + year + "〕" + (n + 2) + "号");

		// the same case and kind keep their number
		Acting.as("leader", () -> transactions.executeWithoutResult(
				tx -> documents.issue(procedure.penaltyCase(first), Kind.FILING_APPROVAL)));
		assertThat(sequence(first, Kind.FILING_APPROVAL)).isEqualTo(n);
		long fourth = filed();
		Acting.as("leader", () -> procedure.approveFiling(fourth, List.of("putuo", "刘强"), null));
		assertThat(sequence(fourth, Kind.FILING_APPROVAL)).isEqualTo(n + 3);
	}

	/**
	 * The party reads the documents served on it, of its own case, and states its defence online (which issues its
	 * record); it never reads an internal document, nor another enterprise's decision; another district's officer
	 * reaches none of the case's documents.
	 */
	@Test
	void anEnterpriseReadsOnlyWhatIsServedOnItOfItsOwnCasesAndAnotherDistrictNothing() throws Exception {
		Enterprise own = enterprise();
		Enterprise other = enterprise();
		String ownUser = account(own);
		String otherUser = account(other);
		long id = filed(own);
		Acting.as("leader", () -> procedure.approveFiling(id, List.of("putuo", "刘强"), null));
		Acting.as("putuo", () -> procedure.recordEvidence(id, Evidence.Kind.RECORD, "现场检查记录", null));
		Acting.as("putuo", () -> procedure.assess(id, List.of(), null, null, null));
		Acting.as("putuo", () -> procedure.endInvestigation(id, null));
		Acting.as("putuo", () -> procedure.notifyParty(id, 30_000, null));
		Acting.as(ownUser, () -> procedure.stateDefence(id, "我单位对事实无异议，已完成整改", null));
		assertThat(Acting.as("putuo", () -> documents.number(id, Kind.DEFENCE))).get().asString().contains("应急罚辩");
		assertThat(squeezed(pdfText(ok(id, "defence")))).contains("当事人在线提交陈述、申辩", "已完成整改");
		PenaltyCase decided = Acting.as("leader", () -> procedure.decide(id, 30_000, WHY, null));
		// 行政处罚法第六十三条: the hearing right only for 较大数额 — 3万元 for a unit is not
		assertThat(status(id, "hearing-notice").getContentAsString()).contains("不享有听证权利");
		assertThat(status(id, "no-such-document").getStatus()).isEqualTo(404);

		String mine = squeezed(pdfText(mvc.perform(get("/my/penalty-cases/{id}/documents/decision", id)
			.with(user(users.loadUserByUsername(ownUser)))).andReturn().getResponse()));
		assertThat(mine).contains("行政处罚决定书", "3万元", squeezed(WHY.facts()), own.name());
		assertThat(squeezed(pdfText(mvc.perform(get("/my/penalty-cases/{id}/documents/notice", id)
			.with(user(users.loadUserByUsername(ownUser)))).andReturn().getResponse()))).contains("行政处罚告知书", "3万元");

		MockHttpServletResponse internal = mvc.perform(get("/my/penalty-cases/{id}/documents/filing-approval", id)
			.with(user(users.loadUserByUsername(ownUser)))).andReturn().getResponse();
		assertThat(internal.getStatus()).isEqualTo(404);
		assertThat(internal.getContentAsString()).contains("内部文书");
		MockHttpServletResponse notYet = mvc.perform(get("/my/penalty-cases/{id}/documents/delivery-receipt", id)
			.with(user(users.loadUserByUsername(ownUser)))).andReturn().getResponse();
		assertThat(notYet.getStatus()).isEqualTo(404);
		assertThat(notYet.getContentAsString()).contains("尚未送达");
		MockHttpServletResponse another = mvc.perform(get("/my/penalty-cases/{id}/documents/decision", id)
			.with(user(users.loadUserByUsername(otherUser)))).andReturn().getResponse();
		assertThat(another.getStatus()).isEqualTo(404);
		assertThat(another.getContentAsString()).doesNotContain(own.name(), "3万元");
		assertThat(mvc.perform(get("/penalty-cases/{id}/documents/decision", id)
			.with(user(users.loadUserByUsername(ownUser)))).andReturn().getResponse().getStatus())
			.as("the staff's address is not the enterprise's").isIn(403, 404);
		assertThat(mvc.perform(get("/penalty-cases/{id}/documents/decision", id)
			.with(user(users.loadUserByUsername("pudong")))).andReturn().getResponse().getStatus()).isEqualTo(404);
		assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
	}

	/** The text of a PDF's first page (the case file's cover and contents), by poppler's pdftotext. */
	private static String firstPage(byte[] pdf) throws Exception {
		Path file = Files.createTempFile("case-file", ".pdf");
		try {
			Files.write(file, pdf);
			Process process = new ProcessBuilder("pdftotext", "-enc", "UTF-8", "-f", "1", "-l", "1", file.toString(), "-")
				.redirectError(ProcessBuilder.Redirect.DISCARD).start();
			String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).isZero();
			return text;
		}
		finally {
			Files.delete(file);
		}
	}

	/** The action the audit trail recorded the document's issue under. */
	private String issuedUnder(long id, Kind kind) {
		return Acting.asSystem(() -> jdbc.sql("""
				select a.action from audit_record a join penalty_document d on a.entity_id = d.id::text
				where a.entity_type = 'penalty_document' and d.case_id = :id and d.kind = :kind""")
			.param("id", id).param("kind", kind.name()).query(String.class).single());
	}

	private MockHttpServletResponse ok(long id, String kind) throws Exception {
		MockHttpServletResponse response = status(id, kind);
		assertThat(response.getStatus()).as("%s: %s", kind, response.getContentAsString()).isEqualTo(200);
		return response;
	}

	private MockHttpServletResponse status(long id, String kind) throws Exception {
		return mvc.perform(get("/penalty-cases/{id}/documents/{kind}", id, kind).with(user(users.loadUserByUsername("putuo"))))
			.andReturn().getResponse();
	}

	private String number(long id, Kind kind) {
		return Acting.as("putuo", () -> documents.number(id, kind)).orElseThrow();
	}

	private int sequence(long id, Kind kind) {
		String number = number(id, kind);
		return Integer.parseInt(number.substring(number.indexOf('〕') + 1, number.length() - 1));
	}

	private long filed() {
		return filed(enterprise());
	}

	private long filed(Enterprise enterprise) {
		return Acting.as("putuo", () -> procedure.file(enterprise.uscc(), Party.UNIT, "SL97-initial-unit",
				"未如实记录安全生产教育培训情况")).id();
	}

	private String account(Enterprise enterprise) {
		String username = "qiye-doc-" + SEQUENCE.incrementAndGet();
		Acting.asSystem(() -> {
			UserAccount account = UserAccount.open(username, "文书测试企业安全员", "x", Set.of(Role.ENTERPRISE),
					JurisdictionScope.district(PUTUO), null);
			account.linkEnterprise(enterprise.uscc());
			accounts.save(account);
		});
		return username;
	}

	private Enterprise enterprise() {
		return Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop(PUTUO, "310107102",
				"处罚文书测试厂" + SEQUENCE.incrementAndGet())));
	}

}
