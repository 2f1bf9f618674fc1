package org.anjian.penalty;

import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.anjian.Acting;
import org.anjian.audit.AuditEntry;
import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.Enterprise;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.shared.ActRefusedException;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A penalty case stored and acted on as its users act (issue 15, build item 4): filed by a district officer, approved
 * and decided by a leader, each act in the audit trail under its Chinese name, scoped to the district by row security.
 */
@SpringBootTest
@RecordApplicationEvents
class PenaltyProcedureTests {

	private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis() % 100_000_000L);

	private static final FourReasons WHY = new FourReasons("检查发现未如实记录安全生产教育培训情况，有检查记录和询问笔录为证",
			"《安全生产法》第二十八条、第九十七条第（四）项", "无从重、从轻情节，在一般档内确定罚款3万元", "当事人放弃陈述申辩");

	@Autowired
	PenaltyProcedure procedure;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.anjian.TodoFixtures todoFixtures;

	@Autowired
	PenaltyFixtures penaltyFixtures;

	@Test
	void aCaseRunsFromFilingToClosingUnderItsActsAndTheAuditTrailNamesEach() {
		Enterprise enterprise = enterprise();
		PenaltyCase filed = Acting.as("putuo", () -> procedure.file(enterprise.uscc(), Party.UNIT, "SL97-initial-unit",
				"未如实记录安全生产教育培训情况"));
		long id = filed.id();
		assertThat(filed.status()).isEqualTo(CaseStatus.FILED);
		assertThat(filed.districtCode()).isEqualTo("310107");

		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.approveFiling(id, List.of("putuo", "刘强"), null)))
			.isInstanceOf(ActRefusedException.class);
		Acting.as("leader", () -> procedure.approveFiling(id, List.of("putuo", "刘强"), null));
		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.endInvestigation(id, null)))
			.hasMessageContaining("尚未登记任何证据");
		Acting.as("putuo", () -> procedure.recordEvidence(id, Evidence.Kind.INQUIRY, "问：是否记录培训情况？答：没有记录。", null));
		Acting.as("putuo", () -> procedure.assess(id, List.of(), null, null, null));
		Acting.as("putuo", () -> procedure.endInvestigation(id, null));
		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.notifyParty(id, 150_000, null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("10万元以下");
		Acting.as("putuo", () -> procedure.notifyParty(id, 30_000, null));
		assertThatThrownBy(() -> Acting.as("leader", () -> procedure.decide(id, 30_000, WHY, null)))
			.hasMessageContaining("陈述申辩期限");
		Acting.as("putuo", () -> procedure.recordDefence(id, "当事人表示已认识到错误，请求从轻处罚", null));
		BigDecimal before = score(enterprise.uscc());
		PenaltyCase decided = Acting.as("leader", () -> procedure.decide(id, 30_000, WHY, null));
		assertThat(decided.status()).isEqualTo(CaseStatus.DECIDED);
		// build item 7: the decided penalty is a fact of the enterprise's grade, and is published for credit
		assertThat(score(enterprise.uscc())).isGreaterThan(before);
		assertThat(events.stream(PenaltyDecided.class)).singleElement()
			.satisfies(e -> assertThat(e.amount()).isEqualTo(30_000))
			.satisfies(e -> assertThat(e.uscc()).isEqualTo(enterprise.uscc()));
		assertThat(decided.deliveryDue(procedure.workingDays())).isEqualTo(procedure.workingDays().after(decided.decidedOn(), 7));
		Acting.as("putuo", () -> procedure.deliver(id, decided.decidedOn(), null));
		Acting.as("putuo", () -> procedure.recordPayment(id, decided.decidedOn().plusDays(3), 30_000, null));
		PenaltyCase closed = Acting.as("putuo", () -> procedure.close(id, null));
		assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
		assertThat(closed.reasons()).isEqualTo(WHY);
		assertThat(closed.investigators()).containsExactly("putuo", "刘强");

		List<String> actions = Acting.asSystem(() -> audit.history("penalty_case", Long.toString(id)))
			.stream()
			.map(AuditEntry::action)
			.toList();
		assertThat(actions).containsExactly("penalty.file", "penalty.approve-filing", "penalty.record-evidence",
				"penalty.assess", "penalty.end-investigation", "penalty.notify", "penalty.record-defence",
				"penalty.decide", "penalty.deliver", "penalty.record-payment", "penalty.close");
		assertThat(Acting.as("putuo", () -> procedure.evidence(id))).singleElement()
			.satisfies(e -> assertThat(e.kind()).isEqualTo(Evidence.Kind.INQUIRY));
	}

	@Test
	void aFineOfTheLargerAmountWaitsForTheLegalReviewerAndAnotherDistrictDoesNotSeeTheCase() {
		Enterprise enterprise = enterprise();
		long id = Acting.as("putuo", () -> procedure.file(enterprise.uscc(), Party.UNIT, "SL97-initial-unit",
				"未按规定制定生产安全事故应急救援预案")).id();
		Acting.as("leader", () -> procedure.approveFiling(id, List.of("putuo", "刘强"), null));
		Acting.as("putuo", () -> procedure.recordEvidence(id, Evidence.Kind.RECORD, "现场检查记录：未制定应急救援预案", null));
		Acting.as("putuo", () -> procedure.assess(id, List.of(), null, null, null));
		Acting.as("putuo", () -> procedure.endInvestigation(id, null));
		Acting.as("putuo", () -> procedure.notifyParty(id, 60_000, null));
		Acting.as("putuo", () -> procedure.recordDefence(id, "无异议", null));
		Acting.as("leader", () -> procedure.recordDiscussion(id, "负责人集体讨论，同意按告知数额处罚", null));
		assertThatThrownBy(() -> Acting.as("leader", () -> procedure.decide(id, 60_000, WHY, null)))
			.hasMessageContaining("法制审核");
		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.passLegalReview(id, "同意", null)))
			.isInstanceOf(ActRefusedException.class);
		assertThatThrownBy(() -> Acting.as("pudong", () -> procedure.penaltyCase(id))).isInstanceOf(NotFoundException.class);
		assertThat(Acting.as("city", () -> procedure.penaltyCase(id).status())).isEqualTo(CaseStatus.DISCUSSION);
	}

	/**
	 * Issue 15, build item 3 and its acceptance point: 行政处罚法第三十三条「违法行为轻微并及时改正，没有造成危害后果的，不予
	 * 行政处罚。」 A minor first violation corrected in time is closed with a 不予行政处罚决定 and never reaches a fine.
	 */
	@Test
	void aMinorViolationCorrectedInTimeIsClosedWithoutAFineAndNeverReachesOne() {
		Enterprise enterprise = enterprise();
		long id = Acting.as("putuo", () -> procedure.file(enterprise.uscc(), Party.UNIT, "SL97-initial-unit",
				"安全生产教育培训档案缺少一名新员工的记录，当场补齐")).id();
		Acting.as("leader", () -> procedure.approveFiling(id, List.of("putuo", "刘强"), null));
		Acting.as("putuo", () -> procedure.recordEvidence(id, Evidence.Kind.RECORD, "现场检查记录及整改后的培训档案", null));
		PenaltyCase assessed = Acting.as("putuo", () -> procedure.assess(id,
				List.of(DiscretionFactor.NO_PENALTY_MINOR.name(), DiscretionFactor.NO_PENALTY_FIRST.name()), null, null, null));
		assertThat(assessed.groundsHolding()).contains(DiscretionFactor.NO_PENALTY_MINOR);
		assertThat(assessed.proposedAmount()).isZero();
		Acting.as("putuo", () -> procedure.endInvestigation(id, null));
		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.notifyParty(id, 1_000, null)))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("应作不予行政处罚决定");
		BigDecimal before = score(enterprise.uscc());
		PenaltyCase closed = Acting.as("leader", () -> procedure.decideNotToPunish(id,
				"违法行为轻微并已当场改正，没有造成危害后果，依据行政处罚法第三十三条第一款不予行政处罚；已对当事人进行安全生产教育培训法规教育", null));
		assertThat(closed.status()).isEqualTo(CaseStatus.NOT_PUNISHED);
		assertThat(closed.notifiedAmount()).isNull();
		assertThat(closed.decidedAmount()).isNull();
		assertThat(score(enterprise.uscc())).isEqualTo(before);
		assertThat(events.stream(PenaltyDecided.class)).isEmpty();
	}

	/**
	 * 行政处罚法第五十一条「违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款…可以当场作出行政处罚决定」:
	 * the short path, decided and handed over on the spot by two officers; above the amount, the general procedure.
	 */
	@Test
	void aSmallFineIsDecidedOnTheSpotByTwoOfficersAndALargerOneIsNot() {
		Enterprise enterprise = enterprise();
		FourReasons why = new FourReasons("现场发现安全警示标志缺失", "《安全生产法》第九十九条第（一）项", "情节轻微，从轻在法定幅度下限附近确定",
				"当事人表示无异议");
		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.decideOnTheSpot(enterprise.uscc(), Party.UNIT,
				"SL99-initial-unit", "未设置明显的安全警示标志", 5_000L, List.of(), why, "无异议", "刘强")))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("第51条");
		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.decideOnTheSpot(enterprise.uscc(), Party.UNIT,
				"SL99-initial-unit", "未设置明显的安全警示标志", 2_000L, List.of(), why, "无异议", "刘强")))
			.hasMessageContaining("不在建议的一般档");
		List<String> mitigated = List.of(DiscretionFactor.MIT_REMOVED_HARM.name());
		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.decideOnTheSpot(enterprise.uscc(), Party.UNIT,
				"SL99-initial-unit", "未设置明显的安全警示标志", 2_000L, mitigated, why, "无异议", " ")))
			.hasMessageContaining("两名以上执法人员");
		BigDecimal before = score(enterprise.uscc());
		PenaltyCase spot = Acting.as("putuo", () -> procedure.decideOnTheSpot(enterprise.uscc(), Party.UNIT,
				"SL99-initial-unit", "未设置明显的安全警示标志", 2_000L, mitigated, why, "无异议", "刘强"));
		assertThat(spot.procedure()).isEqualTo(Procedure.SIMPLE);
		assertThat(spot.status()).isEqualTo(CaseStatus.DELIVERED);
		assertThat(spot.decidedOn()).isEqualTo(spot.deliveredOn());
		assertThat(spot.hearingRight()).isFalse();
		assertThat(spot.paymentDue()).isEqualTo(spot.deliveredOn().plusDays(15));
		assertThat(score(enterprise.uscc())).isGreaterThan(before);
		assertThat(events.stream(PenaltyDecided.class)).singleElement().satisfies(e -> assertThat(e.amount()).isEqualTo(2_000));
		Acting.as("putuo", () -> procedure.recordPayment(spot.id(), spot.deliveredOn(), 2_000, null));
		assertThat(Acting.as("putuo", () -> procedure.close(spot.id(), null)).status()).isEqualTo(CaseStatus.CLOSED);
	}

	/**
	 * 行政处罚法第三十六条「违法行为在二年内未被发现的，不再给予行政处罚；涉及公民生命健康安全、金融安全且有危害后果的，上述期限延长至
	 * 五年」: an act that ended more than two years before it was discovered is not filed; with harm to life, five.
	 */
	@Test
	void anActUndiscoveredForTwoYearsIsNotFiledUnlessItHarmedLifeWithinFive() {
		Enterprise enterprise = enterprise();
		java.time.LocalDate today = procedure.today();
		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.file(enterprise.uscc(), Party.UNIT, "SL97-initial-unit",
				"三年前未如实记录培训情况", today.minusYears(3), false)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("不再给予行政处罚（行政处罚法第36条）");
		PenaltyCase filed = Acting.as("putuo", () -> procedure.file(enterprise.uscc(), Party.UNIT, "SL97-initial-unit",
				"三年前违规作业致人受伤", today.minusYears(3), true));
		assertThat(filed.actEndedOn()).isEqualTo(today.minusYears(3));
		assertThat(filed.discoveredOn()).isEqualTo(today);
	}

	/**
	 * 查罚衔接 (seed 002/003: a street's inspection finds the violation, the district's body files and decides it): the
	 * street officer hands a hazard of its street over; the case is the district body's, awaits its leader's approval,
	 * and the street reads it. A district officer does not hand over (it files), nor does a street officer file.
	 */
	@Test
	void aStreetHandsAViolationItFoundOverToItsDistrictWhichFilesAndDecidesIt() {
		String uscc = todoFixtures.enterprise("310107", "310107102", "查罚衔接测试企业");
		long hazard = todoFixtures.hazards(todoFixtures.finished("310107", uscc, 1).id()).get(0).id();
		assertThatThrownBy(() -> Acting.as("changzheng", () -> procedure.fileFromHazard(hazard, Party.UNIT,
				"SL97-initial-unit", null))).isInstanceOf(ActRefusedException.class);
		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.handOver(hazard, Party.UNIT, "SL97-initial-unit",
				null))).isInstanceOf(ActRefusedException.class);
		PenaltyCase handed = Acting.as("changzheng", () -> procedure.handOver(hazard, Party.UNIT, "SL97-initial-unit",
				null));
		long districtBody = Acting.asSystem(() -> jdbc.sql("select id from enforcement_body where jurisdiction_code = '310107'")
			.query(Long.class).single());
		assertThat(handed.bodyId()).isEqualTo(districtBody);
		assertThat(handed.handedOverBy()).isNotNull().isNotEqualTo(districtBody);
		assertThat(handed.status()).isEqualTo(CaseStatus.FILED);
		assertThat(Acting.as("changzheng", () -> procedure.penaltyCase(handed.id()).status())).isEqualTo(CaseStatus.FILED);
		assertThat(Acting.as("leader", () -> procedure.approveFiling(handed.id(), List.of("刘洋", "周涛"), null)).status())
			.isEqualTo(CaseStatus.INVESTIGATING);
	}

	/**
	 * 行政处罚法第六十四条「当事人要求听证的，应当在行政机关告知后五日内提出」: the enterprise asks for its hearing online, itself;
	 * an officer does not ask in its name through this act.
	 */
	@Test
	void theEnterpriseRequestsItsHearingOnlineWithinItsFiveWorkingDays() {
		String uscc = penaltyFixtures.enterprise("在线申请听证企业");
		String user = penaltyFixtures.enterpriseUser(uscc);
		PenaltyCase told = penaltyFixtures.notified(uscc, "未如实记录安全生产教育培训情况（在线听证）", 60_000);
		assertThat(told.hearingRight()).isTrue();
		assertThatThrownBy(() -> Acting.as("putuo", () -> procedure.requestHearingOnline(told.id(), null)))
			.isInstanceOf(ActRefusedException.class);
		PenaltyCase requested = Acting.as(user, () -> procedure.requestHearingOnline(told.id(), null));
		assertThat(requested.status()).isEqualTo(CaseStatus.HEARING);
		assertThat(requested.hearingRequestedOn()).isEqualTo(procedure.today());
		PenaltyCase stated = Acting.as(user, () -> procedure.stateDefence(told.id(), "请求举行听证并从轻处罚", null));
		assertThat(stated.defenceBy()).isEqualTo(user);
		assertThat(stated.defenceOnline()).isTrue();
	}

	private BigDecimal score(String uscc) {
		return Acting.asSystem(() -> jdbc.sql("select coalesce(max(score), 0) from enterprise_grade where uscc = :uscc")
			.param("uscc", uscc)
			.query(BigDecimal.class)
			.single());
	}

	private Enterprise enterprise() {
		return Acting.asSystem(() -> registry.register(TestEnterprises.smallWorkshop("310107", "310107102",
				"处罚案件测试厂" + SEQUENCE.incrementAndGet())));
	}
}
