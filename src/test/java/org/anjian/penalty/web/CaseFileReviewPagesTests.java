package org.anjian.penalty.web;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.anjian.Acting;
import org.anjian.Chromium;
import org.anjian.MovableClock;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.penalty.FourReasons;
import org.anjian.penalty.Party;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyProcedure;
import org.anjian.penalty.internal.CaseFileDraw;
import org.anjian.penalty.internal.CaseFileReview;
import org.anjian.penalty.internal.CaseFileReviewing;
import org.anjian.penalty.internal.CaseFileReviews;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The legal reviewer's case-file review in real Chromium at phone width (issue 15, build item 8): a case closed
 * through the procedure's acts is drawn; {@code legal} finds it in the to-do list, reviews its file — the documents
 * ticked, one missing, the deadlines and the four reasons already checked from the case — and sees the result among
 * the results of its body. The leader who decided the case is told they may not review it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseFileReviewPagesTests {

	@RegisterExtension
	static final Chromium.PerClass chromium = new Chromium.PerClass();

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	private static final FourReasons WHY = new FourReasons("检查发现未如实记录安全生产教育培训情况，有检查记录和询问笔录为证",
			"《安全生产法》第二十八条、第九十七条第（四）项", "无从重、从轻情节，在一般档内确定罚款", "当事人放弃陈述申辩");

	@LocalServerPort
	int port;

	@Autowired
	PenaltyProcedure procedure;

	@Autowired
	CaseFileReviewing reviewing;

	@Autowired
	CaseFileReviews reviews;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	MovableClock clock;

	@AfterEach
	void realTimeAgain() {
		clock.reset();
	}

	@Test
	void legalReviewsADrawnCaseFileFromItsToDoAndSeesTheResultOfItsBody() throws Exception {
		clock.advanceDays(8_000); // a year no other test closes cases in (the others move 7,000 to 7,400 days)
		Enterprise enterprise = Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102",
				"案卷评查页面测试厂" + SEQUENCE.incrementAndGet())));
		PenaltyCase closed = closedCase(enterprise, 20_000);
		LocalDate closedOn = closed.closedOn();
		clock.advanceDays(1);
		CaseFileDraw draw = Acting.as("leader", () -> reviewing.draw(closed.bodyId(), closedOn, closedOn));
		CaseFileReview drawn = Acting.as("legal", () -> reviews.ofDraw(draw.id())).get(0);
		String base = "http://localhost:" + port;

		// the leader who decided the case is told at once that they may not review its file
		try (BrowserContext context = phone()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "leader");
			page.navigate(base + "/penalty-reviews/" + drawn.id());
			assertThat(page.locator("#not-reviewer")).hasText("您是本案的决定人：案卷须由未参与立案、调查和决定的人员评查");
			assertThat(page.locator("#review-form")).hasCount(0);
		}

		try (BrowserContext context = phone()) {
			Page page = context.newPage();
			Chromium.logIn(page, port, "legal");

			// the to-do: the file itself when it is the only one waiting, else the list of those waiting
			page.locator("a[data-todo='todo.penalty.caseFilesToReview']").click();
			if (!page.url().endsWith("/penalty-reviews/" + drawn.id())) {
				assertThat(page.locator("#review-" + drawn.id() + " .status")).hasText("待评查");
				page.locator("#review-" + drawn.id() + " a").first().click();
			}
			page.waitForURL(base + "/penalty-reviews/" + drawn.id());
			assertThat(page.locator("#decision")).hasText("罚款 20000 元");
			assertThat(page.locator("#point-DELIVERED_IN_TIME")).containsText("符合");
			assertThat(page.locator("#point-REASON_DEFENCE")).containsText("当事人放弃陈述申辩");
			assertThat(page.locator("#point-LEGAL_OPINION")).containsText("本案不需要");
			assertThat(page.locator("#case")).containsText("刘洋（普陀区应急管理局执法大队）、刘强");

			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("case-file-review-form.png")).setFullPage(true));
			page.locator("#doc-CLOSING_FORM").uncheck();
			page.locator("input[name='note-CLOSING_FORM']").fill("结案审批表未经负责人签批");
			page.locator("#summary").fill("程序合法，结案审批手续不全");
			page.locator("#submit-review").click();

			assertThat(page.locator("#done")).containsText("已完成评查");
			assertThat(page.locator("#outcome")).hasText("92 分，优秀");
			assertThat(page.locator("#finding-CLOSING_FORM")).containsText("结案审批表未经负责人签批");
			assertThat(page.locator("#finding-CLOSING_FORM .badge")).hasText("不符合");
			assertThat(page.locator("#review-form")).hasCount(0);

			page.navigate(base + "/penalty-reviews");
			page.locator("#to-results").click();
			page.waitForURL(base + "/penalty-reviews/results");
			var body = page.locator("#body-" + closed.bodyId());
			assertThat(body.locator(".share")).containsText("合格率");
			assertThat(body.locator(".failed-points")).containsText("结案审批表");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("case-file-review-results.png")).setFullPage(true));
			// of the year the draw's period began in, and of a year without draws
			page.locator("#year").fill(Integer.toString(closedOn.getYear()));
			page.locator("#of-year button").click();
			assertThat(page.locator("#body-" + closed.bodyId() + " .counts")).containsText("已评查 1 件");
			page.navigate(base + "/penalty-reviews/results?year=2001");
			assertThat(page.locator("#none")).isVisible();
			page.goBack();
			body.locator("a").last().click();
			assertThat(page.locator("#review-" + drawn.id() + " .result")).hasText("92 分，优秀");
			org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
				.as("the pages fit a phone").isLessThanOrEqualTo(390);

			// the draw, with what repeats it: its seed and candidate list
			page.navigate(base + "/penalty-reviews/draws");
			assertThat(page.locator("#draw-" + draw.id() + " .seed")).hasText(draw.seed());
			assertThat(page.locator("#draw-" + draw.id() + " pre")).hasText(drawn.caseId() + ",OTHER");
			assertThat(page.locator("#bodyId option[value='" + closed.bodyId() + "']")).hasText("普陀区应急管理局执法大队");
			page.screenshot(new Page.ScreenshotOptions().setPath(Chromium.screenshot("case-file-review-draws.png")).setFullPage(true));
			org.assertj.core.api.Assertions.assertThat((Integer) page.evaluate("document.documentElement.scrollWidth"))
				.as("the pages fit a phone").isLessThanOrEqualTo(390);
		}
	}

	private BrowserContext phone() {
		return chromium.browser().newContext(new Browser.NewContextOptions()
			.setViewportSize(390, 844).setLocale("zh-CN").setIsMobile(true).setHasTouch(true));
	}

	private PenaltyCase closedCase(Enterprise enterprise, long amount) {
		long id = Acting.as("putuo", () -> procedure.file(enterprise.uscc(), Party.UNIT, "SL97-initial-unit",
				"未如实记录安全生产教育培训情况")).id();
		Acting.as("leader", () -> procedure.approveFiling(id, List.of("putuo", "刘强"), null));
		Acting.as("putuo", () -> procedure.recordEvidence(id, org.anjian.penalty.Evidence.Kind.RECORD, "现场检查记录", null));
		// below 3万元 the mitigating fact puts the fine in the lighter band, so that no deviation needs a review
		Acting.as("putuo", () -> procedure.assess(id, amount < 30_000 ? List.of("MIT_REMOVED_HARM") : List.of(), amount,
				null, null));
		Acting.as("putuo", () -> procedure.endInvestigation(id, null));
		Acting.as("putuo", () -> procedure.notifyParty(id, amount, null));
		Acting.as("putuo", () -> procedure.recordDefence(id, "当事人表示无异议", null));
		PenaltyCase decided = Acting.as("leader", () -> procedure.decide(id, amount, WHY, null));
		Acting.as("putuo", () -> procedure.deliver(id, decided.decidedOn().plusDays(2), null));
		Acting.as("putuo", () -> procedure.recordPayment(id, decided.decidedOn().plusDays(5), amount, null));
		return Acting.as("putuo", () -> procedure.close(id, null));
	}
}
