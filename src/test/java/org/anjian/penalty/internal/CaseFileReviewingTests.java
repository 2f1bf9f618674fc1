package org.anjian.penalty.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.Acting;
import org.anjian.MovableClock;
import org.anjian.audit.AuditEntry;
import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.penalty.CaseStatus;
import org.anjian.penalty.FourReasons;
import org.anjian.penalty.Party;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyProcedure;
import org.anjian.shared.ActRefusedException;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.anjian.shared.Sha256;
import org.anjian.shared.todo.Audience;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Case-file review on the embedded database (issue 15, build item 8), with cases closed as their users close them —
 * through every act of {@link PenaltyProcedure}, on a clock moved to a day no other test closes cases on: the draw
 * takes every major case and the share of the others, repeatably from its recorded seed, once per body and period;
 * the review is refused to whoever decided the case and recorded, with its result, for another reviewer.
 */
@SpringBootTest
class CaseFileReviewingTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	private static final FourReasons WHY = new FourReasons("检查发现未如实记录安全生产教育培训情况，有检查记录和询问笔录为证",
			"《安全生产法》第二十八条、第九十七条第（四）项", "无从重、从轻情节，在一般档内确定罚款", "当事人放弃陈述申辩");

	@Autowired
	PenaltyProcedure procedure;

	@Autowired
	CaseFileReviewing reviewing;

	@Autowired
	CaseFileReviews reviews;

	@Autowired
	CaseFileReviewTodos todos;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	AuditTrail audit;

	@Autowired
	MovableClock clock;

	@AfterEach
	void realTimeAgain() {
		clock.reset();
	}

	@Test
	void theDrawTakesEveryMajorCaseAndAShareOfTheOthersRepeatablyAndOnlyOncePerPeriod() {
		clock.advanceDays(7_000);
		Enterprise enterprise = enterprise();
		long hearingLevel = closedCase(enterprise, 60_000, true);
		long reviewedByLegal = closedCase(enterprise, 30_000, true);
		List<Long> others = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			others.add(closedCase(enterprise, 10_000 + 1_000 * i, false));
		}
		PenaltyCase any = Acting.as("city", () -> procedure.penaltyCase(hearingLevel));
		java.time.LocalDate closedOn = any.closedOn();
		clock.advanceDays(1);

		CaseFileDraw draw = Acting.as("legal", () -> reviewing.draw(any.bodyId(), closedOn, closedOn));

		List<CaseFileSampling.Candidate> candidates = CaseFileSampling.candidates(draw.candidates());
		assertThat(candidates).containsExactlyInAnyOrder(new CaseFileSampling.Candidate(hearingLevel, true),
				new CaseFileSampling.Candidate(reviewedByLegal, true), new CaseFileSampling.Candidate(others.get(0), false),
				new CaseFileSampling.Candidate(others.get(1), false), new CaseFileSampling.Candidate(others.get(2), false),
				new CaseFileSampling.Candidate(others.get(3), false), new CaseFileSampling.Candidate(others.get(4), false),
				new CaseFileSampling.Candidate(others.get(5), false));
		List<CaseFileReview> drawn = Acting.as("legal", () -> reviews.ofDraw(draw.id()));
		// every major case, and 20% of the six others rounded up: two
		assertThat(drawn).filteredOn(r -> r.selection() == CaseFileReview.Selection.MAJOR)
			.extracting(CaseFileReview::caseId).containsExactlyInAnyOrder(hearingLevel, reviewedByLegal);
		assertThat(drawn).filteredOn(r -> r.selection() == CaseFileReview.Selection.SAMPLED)
			.hasSize(2)
			.allSatisfy(r -> assertThat(others).contains(r.caseId()))
			.allSatisfy(r -> assertThat(r.ticket()).isEqualTo(CaseFileSampling.ticket(draw.seed(), r.caseId())));
		assertThat(drawn).allSatisfy(r -> assertThat(r.status()).isEqualTo(CaseFileReview.Status.DRAWN));
		assertThat(draw.majorCount()).isEqualTo(2);
		assertThat(draw.otherCount()).isEqualTo(6);
		assertThat(draw.sampledCount()).isEqualTo(2);

		// anyone can repeat the draw from what it keeps: the same seed and list give the same cases
		assertThat(Sha256.hex(draw.candidates())).isEqualTo(draw.candidatesSha256());
		assertThat(CaseFileSampling.draw(draw.seed(), candidates, draw.share().doubleValue()))
			.extracting(CaseFileSampling.Selected::caseId)
			.containsExactlyInAnyOrderElementsOf(drawn.stream().map(CaseFileReview::caseId).toList());

		// once per body and period, whatever the overlap
		assertThatThrownBy(() -> Acting.as("legal", () -> reviewing.draw(any.bodyId(), closedOn, closedOn)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("同一期间不能再次抽取");
		assertThatThrownBy(() -> Acting.as("leader", () -> reviewing.draw(any.bodyId(), closedOn.minusDays(3), closedOn)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("已抽取" + closedOn + "至" + closedOn);
		assertThatThrownBy(() -> Acting.as("putuo", () -> reviewing.draw(any.bodyId(), closedOn, closedOn)))
			.isInstanceOf(ActRefusedException.class);
		assertThat(Acting.asSystem(() -> audit.history("case_file_draw", Long.toString(draw.id()))))
			.extracting(AuditEntry::action).containsExactly("penalty.case-file-draw");
	}

	@Test
	void twoDrawsOfTheSamePeriodAtOnceMakeOneDraw() throws Exception {
		clock.advanceDays(7_400);
		Enterprise enterprise = enterprise();
		long id = closedCase(enterprise, 10_000, false);
		PenaltyCase closed = Acting.as("city", () -> procedure.penaltyCase(id));
		clock.advanceDays(1);
		java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
		try {
			List<java.util.concurrent.Future<CaseFileDraw>> draws = two.invokeAll(List.of(
					() -> Acting.as("legal", () -> reviewing.draw(closed.bodyId(), closed.closedOn(), closed.closedOn())),
					() -> Acting.as("leader", () -> reviewing.draw(closed.bodyId(), closed.closedOn(), closed.closedOn()))));
			List<Object> outcomes = new ArrayList<>();
			for (java.util.concurrent.Future<CaseFileDraw> draw : draws) {
				try {
					outcomes.add(draw.get());
				}
				catch (java.util.concurrent.ExecutionException e) {
					outcomes.add(e.getCause());
				}
			}
			assertThat(outcomes).filteredOn(CaseFileDraw.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(InvalidInputException.class::isInstance).singleElement()
				.satisfies(e -> assertThat(((Exception) e).getMessage()).contains("同一期间不能再次抽取"));
		}
		finally {
			two.shutdown();
		}
		assertThat(Acting.as("legal", () -> reviewing.reviews(null, closed.bodyId(), 1)).items())
			.filteredOn(r -> r.caseId() == id).hasSize(1);
	}

	@Test
	void aPeriodNotYetEndedOrWithoutClosedCasesIsNotDrawn() {
		clock.advanceDays(7_200);
		Enterprise enterprise = enterprise();
		long id = closedCase(enterprise, 10_000, false);
		PenaltyCase closed = Acting.as("city", () -> procedure.penaltyCase(id));
		assertThatThrownBy(() -> Acting.as("legal", () -> reviewing.draw(closed.bodyId(), closed.closedOn(), closed.closedOn())))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("评查期间须已结束");
		assertThatThrownBy(() -> Acting.as("legal", () -> reviewing.draw(closed.bodyId(), closed.closedOn().minusDays(9),
				closed.closedOn().minusDays(8))))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("没有结案的案件");
	}

	@Test
	void whoDecidedTheCaseMayNotReviewItsFileAndAnotherReviewerRecordsTheResultOnce() {
		clock.advanceDays(7_100);
		Enterprise enterprise = enterprise();
		long id = closedCase(enterprise, 30_000, true);
		PenaltyCase closed = Acting.as("city", () -> procedure.penaltyCase(id));
		clock.advanceDays(1);
		CaseFileDraw draw = Acting.as("legal", () -> reviewing.draw(closed.bodyId(), closed.closedOn(), closed.closedOn()));
		CaseFileReview drawn = Acting.as("legal", () -> reviews.ofDraw(draw.id())).get(0);
		assertThat(drawn.caseId()).isEqualTo(id);
		long waiting = waitingForLegal();
		assertThat(waiting).isPositive();

		Map<ReviewPoint, CaseFileReviewPolicy.Tick> ticks = new EnumMap<>(ReviewPoint.class);
		for (ReviewPoint point : ReviewPoint.values()) {
			ticks.put(point, new CaseFileReviewPolicy.Tick(point != ReviewPoint.CLOSING_FORM, null));
		}
		assertThatThrownBy(() -> Acting.as("leader", () -> reviewing.review(drawn.id(), ticks, "", null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessage("您是本案的决定人：案卷须由未参与立案、调查和决定的人员评查");
		assertThat(Acting.as("legal", () -> reviewing.review(drawn.id())).status()).isEqualTo(CaseFileReview.Status.DRAWN);

		CaseFileReview reviewed = Acting.as("legal", () -> reviewing.review(drawn.id(), ticks, "结案审批表缺失", drawn.version()));

		assertThat(reviewed.status()).isEqualTo(CaseFileReview.Status.REVIEWED);
		assertThat(reviewed.reviewer()).isEqualTo("legal");
		assertThat(reviewed.failed()).extracting(Finding::point).containsExactly(ReviewPoint.CLOSING_FORM);
		// 15 of the 17 points apply (no hearing was held, no collective discussion below 5万元): 14 met
		assertThat(reviewed.findings()).filteredOn(Finding::applicable).hasSize(15);
		assertThat(reviewed.score()).isEqualTo(93);
		assertThat(reviewed.result()).isEqualTo(ReviewResult.EXCELLENT);
		assertThat(waitingForLegal()).isEqualTo(waiting - 1);
		assertThatThrownBy(() -> Acting.as("legal", () -> reviewing.review(drawn.id(), ticks, "", null)))
			.isInstanceOf(InvalidTransitionException.class)
			.hasMessageContaining("不能再次评查");
		assertThat(Acting.asSystem(() -> audit.history("case_file_review", Long.toString(drawn.id()))))
			.extracting(AuditEntry::action).containsExactly("penalty.case-file-draw", "penalty.case-file-review");
		assertThat(Acting.as("legal", () -> reviewing.review(drawn.id())).status())
			.isEqualTo(CaseFileReview.Status.REVIEWED);
		assertThat(Acting.as("city", () -> procedure.penaltyCase(id)).status()).isEqualTo(CaseStatus.CLOSED);
	}

	private long waitingForLegal() {
		return Acting.as("legal", () -> todos.todos(Audience.LEGAL_REVIEWER, null)).get(0).count();
	}

	/** A case closed through every act of the procedure; with a legal review when asked, and a hearing-level fine. */
	private long closedCase(Enterprise enterprise, long amount, boolean legalReview) {
		long id = Acting.as("putuo", () -> procedure.file(enterprise.uscc(), Party.UNIT, "SL97-initial-unit",
				"未如实记录安全生产教育培训情况")).id();
		Acting.as("leader", () -> procedure.approveFiling(id, List.of("putuo", "刘强"), null));
		Acting.as("putuo", () -> procedure.recordEvidence(id, org.anjian.penalty.Evidence.Kind.RECORD, "现场检查记录", null));
		// below 3万元 the mitigating fact puts the fine in the lighter band, so that no deviation needs a review
		Acting.as("putuo", () -> procedure.assess(id, amount < 30_000 ? List.of("MIT_REMOVED_HARM") : List.of(), amount,
				null, null));
		Acting.as("putuo", () -> procedure.endInvestigation(id, null));
		if (legalReview) {
			Acting.as("putuo", () -> procedure.sendToLegalReview(id, null));
			Acting.as("legal", () -> procedure.passLegalReview(id, "事实清楚，证据确凿，程序合法，同意", null));
		}
		Acting.as("putuo", () -> procedure.notifyParty(id, amount, null));
		Acting.as("putuo", () -> procedure.recordDefence(id, "当事人表示无异议", null));
		if (amount >= PenaltyCase.COLLECTIVE_DISCUSSION_YUAN) {
			Acting.as("leader", () -> procedure.recordDiscussion(id, "负责人集体讨论，同意按告知数额处罚", null));
		}
		PenaltyCase decided = Acting.as("leader", () -> procedure.decide(id, amount, WHY, null));
		Acting.as("putuo", () -> procedure.deliver(id, decided.decidedOn(), null));
		Acting.as("putuo", () -> procedure.recordPayment(id, decided.decidedOn(), amount, null));
		return Acting.as("putuo", () -> procedure.close(id, null)).id();
	}

	private Enterprise enterprise() {
		return Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102",
				"案卷评查测试厂" + SEQUENCE.incrementAndGet())));
	}
}
