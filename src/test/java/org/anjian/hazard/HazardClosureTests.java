package org.anjian.hazard;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.anjian.TestOfficers;
import org.anjian.audit.AuditEntry;
import org.anjian.audit.AuditTrail;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.enterprise.TestEnterprises;
import org.anjian.grading.Grade;
import org.anjian.grading.OverrideKind;
import org.anjian.grading.RiskPortrait;
import org.anjian.hazard.internal.HazardDeadlines;
import org.anjian.inspection.InspectionCodeFixtures;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.anjian.Acting.asSystem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A hazard's closure on the embedded PostgreSQL: ordered when the inspection is finished, keeping the enterprise's
 * grade up while open, reported by the enterprise, verified or sent back by the re-inspection; and the daily
 * deadline job, which marks a passed deadline once and reminds the enterprise of a near one.
 */
@SpringBootTest
@RecordApplicationEvents
class HazardClosureTests {

	@Autowired
	HazardRectification rectification;

	@Autowired
	HazardDeadlines deadlines;

	@Autowired
	EnterpriseRegistry registry;

	@Autowired
	RiskPortrait portraits;

	@Autowired
	AuditTrail audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEvents events;

	@Test
	void aFinishedInspectionOrdersItsMajorHazardRectifiedAndTheGradeStaysUpUntilTheHazardIsVerified() {
		// the fixture's finished record announces its major finding (InspectionFinished), as finishing does
		var task = new InspectionCodeFixtures(jdbc, registry).task("310107", "隐患闭环测试有限空间作业厂", "FINISHED");
		long id = asSystem(() -> jdbc.sql("select id from hazard where task_id = :t").param("t", task.id())
			.query(Long.class).single());

		Hazard ordered = asSystem(() -> rectification.hazard(id));
		assertThat(ordered.status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(ordered.deadline()).isEqualTo(rectification.today().plusDays(RectificationDeadlinePolicy.DAYS_FOR_MAJOR));
		// the grade follows once the record is committed
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			var portrait = asSystem(() -> portraits.of(task.uscc())).orElseThrow();
			assertThat(portrait.grade().atLeast(Grade.B)).as("an open major hazard holds the grade at B or above").isTrue();
			assertThat(portrait.overrides()).contains(OverrideKind.OPEN_MAJOR_HAZARD.label());
		});

		asSystem(() -> rectification.submitEvidence(id, "已设置警示标识，配备通风和气体检测设备", ordered.version()));
		Hazard verified = asSystem(() -> rectification.verify(id, "putuo", TestOfficers.forHazard(jdbc, id), "现场复查，整改到位", null));

		assertThat(verified.status()).isEqualTo(HazardStatus.VERIFIED);
		assertThat(verified.verifiedBy()).isEqualTo("putuo");
		assertThat(asSystem(() -> portraits.of(task.uscc())).orElseThrow().overrides())
			.doesNotContain(OverrideKind.OPEN_MAJOR_HAZARD.label());
		assertThat(events.stream(HazardVerified.class)).extracting(HazardVerified::hazardId).containsExactly(id);
		assertThat(actions(id)).containsSubsequence("hazard.order-rectification", "hazard.submit-rectification",
				"hazard.verify");
	}

	@Test
	void aFailedReinspectionSendsTheHazardBackWithANewDeadlineAndAnnouncesAFollowUp() {
		long id = rectifyingHazard("复查不合格测试机械厂", rectification.today().plusDays(20), false);
		Hazard hazard = asSystem(() -> rectification.hazard(id));
		asSystem(() -> rectification.submitEvidence(id, "已更换漏电保护器", hazard.version()));
		LocalDate again = rectification.today().plusDays(10);

		assertThatThrownBy(() -> asSystem(() -> rectification.failReinspection(id, again, " ", null)))
			.isInstanceOf(InvalidInputException.class).hasMessageContaining("复查不合格的原因");
		Hazard back = asSystem(() -> rectification.failReinspection(id, again, "漏电保护器动作电流不符合要求", null));

		assertThat(back.status()).isEqualTo(HazardStatus.RECTIFYING);
		assertThat(back.deadline()).isEqualTo(again);
		assertThat(events.stream(HazardReinspectionFailed.class))
			.containsExactly(new HazardReinspectionFailed(id, back.uscc(), "310107", back.streetCode(), again, false,
					"漏电保护器动作电流不符合要求"));
		assertThatThrownBy(() -> asSystem(() -> rectification.verify(id, "putuo", TestOfficers.forHazard(jdbc, id), null, null)))
			.isInstanceOf(InvalidTransitionException.class).hasMessageContaining("整改中");
		assertThat(asSystem(() -> rectification.hazard(id)).status()).as("the refused act changed nothing")
			.isEqualTo(HazardStatus.RECTIFYING);
	}

	@Test
	void theDeadlineJobMarksAPassedDeadlineOnceAndRemindsTheEnterpriseOfANearOne() {
		LocalDate today = rectification.today();
		long overdue = rectifyingHazard("逾期标记测试机械厂", today.minusDays(1), true);
		long dueSoon = rectifyingHazard("到期提醒测试机械厂", today.plusDays(2), false);
		long later = rectifyingHazard("期限尚远测试机械厂", today.plusDays(20), false);
		long dueToday = rectifyingHazard("今日到期测试机械厂", today, false);

		deadlines.run(today);
		deadlines.run(today);

		assertThat(events.stream(HazardOverdue.class).filter(e -> List.of(overdue, dueSoon, later, dueToday)
			.contains(e.hazardId()))).extracting(HazardOverdue::hazardId).containsExactly(overdue);
		assertThat(reminders(overdue)).containsExactly("OVERDUE");
		assertThat(reminders(dueSoon)).containsExactly("DUE_SOON");
		assertThat(reminders(dueToday)).as("due today is not yet overdue, but near").containsExactly("DUE_SOON");
		assertThat(reminders(later)).isEmpty();
		assertThat(actions(overdue)).filteredOn("hazard.mark-overdue"::equals).hasSize(1);
		String uscc = asSystem(() -> rectification.hazard(overdue)).uscc();
		assertThat(asSystem(() -> portraits.of(uscc)).orElseThrow().overrides())
			.contains(OverrideKind.OPEN_OVERDUE_HAZARD.label());
		assertThat(asSystem(() -> rectification.hazard(overdue)).overdueOn(today)).isTrue();
	}

	/** A hazard of a new 普陀 enterprise, being rectified by the given deadline (written as the system). */
	private long rectifyingHazard(String enterprise, LocalDate deadline, boolean major) {
		return asSystem(() -> {
			String street = "310107005";
			String uscc = registry.register(TestEnterprises.smallWorkshop("310107", street, enterprise)).uscc();
			return jdbc.sql("""
					insert into hazard (district_code, street_code, uscc, description, major, status, found_at, deadline)
					values ('310107', :street, :uscc, '配电箱未设置漏电保护', :major, 'RECTIFYING', now() - interval '40 days',
					        :deadline) returning id""")
				.param("street", street).param("uscc", uscc).param("major", major).param("deadline", deadline)
				.query(Long.class).single();
		});
	}

	private List<String> reminders(long hazard) {
		return asSystem(() -> jdbc.sql("select kind from hazard_reminder where hazard_id = :h order by id")
			.param("h", hazard).query(String.class).list());
	}

	private List<String> actions(long hazard) {
		return asSystem(() -> audit.history("hazard", String.valueOf(hazard))).stream().map(AuditEntry::action).toList();
	}
}
