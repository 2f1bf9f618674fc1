package org.anjian.hazard.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardStatus;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.InvalidTransitionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A notice to another department (抄告) without a database: sending, the reply in every state, overdue derived. */
class NoticeTransitionTests {

	static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
	static final Instant SENT_AT = Instant.parse("2026-11-20T02:00:00Z");

	static Hazard hazard() {
		return ListingTransitionTests.hazard(HazardStatus.RECTIFYING, false);
	}

	static DepartmentNotice in(NoticeStatus status) {
		boolean replied = status == NoticeStatus.REPLIED;
		return new DepartmentNotice(12L, "310107", "310107005", 7L, "91310107MA1G8XXXXX", 5L, Department.FIRE,
				"普陀区消防救援支队", "请核查疏散通道占用情况", TODAY.plusDays(10), status, "putuo", SENT_AT,
				replied ? "已核查并责令清理" : null, replied ? TODAY : null, replied ? "putuo" : null, 0);
	}

	@ParameterizedTest
	@EnumSource(NoticeStatus.class)
	void aReplyIsRecordedOnlyOnceOnASentNotice(NoticeStatus from) {
		DepartmentNotice notice = in(from);
		if (from.allows(NoticeStatus.REPLIED)) {
			notice.recordReply(" 已现场核查，责令企业清理疏散通道 ", TODAY, "putuo", TODAY);
			assertThat(notice.status()).isEqualTo(NoticeStatus.REPLIED);
			assertThat(notice.reply()).isEqualTo("已现场核查，责令企业清理疏散通道");
			assertThat(notice.repliedOn()).isEqualTo(TODAY);
			assertThat(notice.replyRecordedBy()).isEqualTo("putuo");
		}
		else {
			assertThatThrownBy(() -> notice.recordReply("再次回复", TODAY, "putuo", TODAY))
				.isInstanceOf(InvalidTransitionException.class).hasMessageContaining(from.label());
			assertThat(notice.reply()).isEqualTo("已核查并责令清理");
		}
	}

	@Test
	void theDiagramAllowsOnlyTheReply() {
		assertThat(NoticeStatus.SENT.next()).containsExactly(NoticeStatus.REPLIED);
		assertThat(NoticeStatus.REPLIED.next()).isEmpty();
	}

	@Test
	void aReplyNeedsItsTextAndADayBetweenSendingAndToday() {
		DepartmentNotice notice = in(NoticeStatus.SENT);
		assertThatThrownBy(() -> notice.recordReply(" ", TODAY, "putuo", TODAY)).isInstanceOf(InvalidInputException.class)
			.hasMessage("请填写对方部门的回复内容");
		assertThatThrownBy(() -> notice.recordReply("已办", TODAY.plusDays(1), "putuo", TODAY))
			.hasMessage("回复日期不能晚于今天");
		assertThatThrownBy(() -> notice.recordReply("已办", LocalDate.of(2026, 11, 19), "putuo", TODAY))
			.hasMessage("回复日期不能早于抄告之日");
		assertThat(notice.status()).isEqualTo(NoticeStatus.SENT);
	}

	@Test
	void aNoticeNamesItsDepartmentAndAsksForAReplyAfterToday() {
		DepartmentNotice fire = DepartmentNotice.send(hazard(), 5L, Department.FIRE, " ", "请核查", TODAY.plusDays(15),
				"putuo", SENT_AT, TODAY);
		assertThat(fire.departmentName()).isEqualTo("消防救援机构");
		assertThat(fire.status()).isEqualTo(NoticeStatus.SENT);
		assertThat(fire.uscc()).isEqualTo("91310107MA1G8XXXXX");
		DepartmentNotice named = DepartmentNotice.send(hazard(), 5L, Department.MARKET, "普陀区市场监督管理局", "请核查特种设备",
				TODAY.plusDays(15), "putuo", SENT_AT, TODAY);
		assertThat(named.departmentName()).isEqualTo("普陀区市场监督管理局");

		assertThatThrownBy(() -> DepartmentNotice.send(hazard(), 5L, Department.OTHER, "", "请核查", TODAY.plusDays(15),
				"putuo", SENT_AT, TODAY)).isInstanceOf(InvalidInputException.class).hasMessage("抄告其他部门时请写明部门名称");
		assertThatThrownBy(() -> DepartmentNotice.send(hazard(), 5L, null, null, "请核查", TODAY.plusDays(15), "putuo",
				SENT_AT, TODAY)).hasMessage("请选择接收抄告的部门");
		assertThatThrownBy(() -> DepartmentNotice.send(hazard(), 5L, Department.HOUSING, null, " ", TODAY.plusDays(15),
				"putuo", SENT_AT, TODAY)).hasMessage("请写明请对方部门办理的事项");
		assertThatThrownBy(() -> DepartmentNotice.send(hazard(), 5L, Department.HOUSING, null, "请核查", TODAY, "putuo",
				SENT_AT, TODAY)).hasMessage("回复期限须晚于今天");
	}

	@Test
	void awaitingReplyPastTheReplyByDayIsDerivedAndEndsWithTheReply() {
		DepartmentNotice notice = in(NoticeStatus.SENT);
		assertThat(notice.awaitingReplyOverdueOn(TODAY.plusDays(10))).isFalse();
		assertThat(notice.awaitingReplyOverdueOn(TODAY.plusDays(11))).isTrue();
		notice.recordReply("已办", TODAY, "putuo", TODAY);
		assertThat(notice.awaitingReplyOverdueOn(TODAY.plusDays(11))).isFalse();
		assertThat(notice.number()).isEqualTo("抄告〔2026〕12号");
	}
}
