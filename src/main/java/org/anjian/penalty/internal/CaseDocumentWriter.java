package org.anjian.penalty.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPTable;
import org.anjian.enterprise.Enterprise;
import org.anjian.penalty.CatalogueEntry;
import org.anjian.penalty.DiscretionFactor;
import org.anjian.penalty.Evidence;
import org.anjian.penalty.Party;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyDocument.Kind;
import org.anjian.penalty.Yuan;
import org.anjian.penalty.internal.IssuedDocuments.Issued;
import org.anjian.penalty.internal.IssuedDocuments.Letterhead;
import org.anjian.shared.WorkingDays;
import org.anjian.shared.documents.OfficialDocument;

/**
 * What each document of a penalty case says, after the national forms of the work safety enforcement documents,
 * printed from the case as it stands (its facts, the catalogue entry, the acts' dates and texts): the document holds
 * no text of its own but its number. Pure: the caller loads the case and what surrounds it ({@link Sheet}).
 */
public final class CaseDocumentWriter {

	/** 行政处罚法第七十二条第一款第（一）项: the late charge, and its cap. */
	static final String LATE_CHARGE_RULE = "到期不缴纳罚款的，每日按罚款数额的百分之三加处罚款，加处罚款的数额不得超出罚款的数额"
			+ "（《中华人民共和国行政处罚法》第七十二条第一款第（一）项）";

	/** 行政处罚法第六十七条第三款: the time to pay. */
	static final String PAYMENT_RULE = "当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款"
			+ "（《中华人民共和国行政处罚法》第六十七条第三款）";

	/** 行政复议法 (60 days) and 行政诉讼法第四十六条 (6 months): the remedies every decision names. */
	static final String REMEDIES = "如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起"
			+ "行政诉讼。申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。";

	/**
	 * Everything a document of a case prints: the case, its catalogue entry, the enterprise's file, the letterhead, the
	 * case's number (the 立案审批表's), the documents issued so far, a person's name by user name, and the day.
	 */
	public record Sheet(PenaltyCase c, CatalogueEntry entry, Enterprise enterprise, Letterhead letterhead,
			String caseNumber, Map<Kind, Issued> issued, Function<String, String> name, LocalDate today,
			String verifyUrl, WorkingDays days) {

		String number(Kind kind) {
			Issued doc = issued.get(kind);
			return doc == null ? caseNumber : doc.number();
		}

		LocalDate issuedOn(Kind kind, LocalDate otherwise) {
			Issued doc = issued.get(kind);
			return doc == null ? otherwise : doc.issuedOn();
		}

		String names(java.util.Collection<String> usernames) {
			return usernames.stream().map(name).collect(Collectors.joining("、"));
		}

		String party() {
			return c.party() == Party.UNIT ? enterprise.name()
					: (enterprise.legalRepresentative() == null ? "" : enterprise.legalRepresentative() + "（")
							+ enterprise.name() + "主要负责人" + (enterprise.legalRepresentative() == null ? "" : "）");
		}

		/** How the document addresses the party: 你单位, or 你. */
		String you() {
			return c.party() == Party.UNIT ? "你单位" : "你";
		}
	}

	private CaseDocumentWriter() {
	}

	/** The document of that kind (neither an inquiry record nor the case file, which are written apart). */
	public static byte[] write(Kind kind, Sheet s) {
		OfficialDocument.Heading heading = new OfficialDocument.Heading(s.letterhead().issuer(), kind.title(), s.number(kind),
				s.verifyUrl());
		return OfficialDocument.pdf(heading, document -> {
			switch (kind) {
				case FILING_APPROVAL -> filingApproval(document, s);
				case NOTICE -> notice(document, s);
				case HEARING_NOTICE -> hearingNotice(document, s);
				case DEFENCE -> defence(document, s);
				case LEGAL_OPINION -> legalOpinion(document, s);
				case DISCUSSION -> discussion(document, s);
				case DECISION -> decision(document, s);
				case NO_PENALTY_DECISION -> noPenaltyDecision(document, s);
				case DELIVERY_RECEIPT -> deliveryReceipt(document, s);
				case PAYMENT_REMINDER -> paymentReminder(document, s);
				case CLOSING_APPROVAL -> closingApproval(document, s);
				case INQUIRY, CASE_FILE -> throw new IllegalArgumentException(kind + " is written apart");
			}
		});
	}

	/** 询问笔录: one inquiry the investigators recorded, its text as recorded. */
	public static byte[] inquiry(Evidence record, Sheet s) {
		return OfficialDocument.pdf(new OfficialDocument.Heading(s.letterhead().issuer(), Kind.INQUIRY.title(),
				s.caseNumber(), s.verifyUrl()), document -> {
			PdfPTable table = document.table(1.3f, 3.7f);
			document.row(table, "案由", cause(s));
			document.row(table, "被询问单位", s.enterprise().name());
			document.row(table, "地址", s.enterprise().address());
			document.row(table, "询问时间", day(record.recordedOn()));
			document.row(table, "询问人、记录人", s.name().apply(record.recordedBy()) + "；办案人员：" + s.names(s.c().investigators()));
			document.add(table);
			document.heading("询问记录");
			for (String line : record.description().split("\\R")) {
				document.indented(line);
			}
			document.indented("以上笔录已经被询问人核对，与其陈述一致。");
			document.signatures("被询问人（签名）：", "询问人（签名）：　　　　　记录人（签名）：");
		});
	}

	private static void filingApproval(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		PdfPTable table = d.table(1.3f, 3.7f);
		d.row(table, "案件来源", c.origin().label());
		d.row(table, "案由", cause(s));
		partyRows(d, table, s);
		d.row(table, "涉嫌违法事实", c.facts());
		d.row(table, "涉嫌违反的规定及处罚依据", s.entry().citation() + "：" + s.entry().violation());
		d.row(table, "立案申请", s.name().apply(c.filedBy()) + "　" + day(c.filedOn()));
		d.row(table, "审批意见", "同意立案，由" + s.names(c.investigators()) + "调查取证");
		d.row(table, "审批人", s.name().apply(c.approvedBy()) + "　" + day(c.openedOn()));
		d.row(table, "办案期限", "自立案之日起" + PenaltyCase.DECISION_DAYS + "日内作出处理决定（至" + day(c.decisionDue())
				+ "，《中华人民共和国行政处罚法》第六十条）");
		d.add(table);
	}

	private static void notice(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		d.paragraph(s.party() + "：");
		d.indented("经查，" + s.you() + c.facts() + "。");
		d.indented("以上事实违反了有关安全生产法律法规的规定，依据" + s.entry().citation() + "的规定，本机关拟对" + s.you()
				+ "作出如下行政处罚：罚款人民币" + Yuan.of(c.notifiedAmount()) + "（大写：" + AmountInWords.of(c.notifiedAmount()) + "）。");
		d.indented("依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，" + s.you() + "有权进行陈述和申辩，请于"
				+ day(c.defenceDue(s.days())) + "前向本机关提出，逾期未提出的，视为放弃上述权利。本机关不因" + s.you()
				+ "陈述、申辩而给予更重的处罚。");
		if (c.hearingRight()) {
			d.indented("本案拟处罚款属较大数额，依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，" + s.you()
					+ "有权要求举行听证，详见听证告知书（" + s.number(Kind.HEARING_NOTICE) + "）。");
		}
		d.closing(s.letterhead().issuer(), c.notifiedOn());
	}

	private static void hearingNotice(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		d.paragraph(s.party() + "：");
		d.indented("本机关拟对" + s.you() + "作出罚款人民币" + Yuan.of(c.notifiedAmount()) + "（大写：" + AmountInWords.of(c.notifiedAmount())
				+ "）的行政处罚（告知书：" + s.number(Kind.NOTICE) + "）。");
		d.indented("依据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，" + s.you() + "有要求举行听证的权利。如要求听证，应当在告知后"
				+ PenaltyCase.HEARING_REQUEST_DAYS + "个工作日内（" + day(c.hearingRequestDue(s.days())) + "前）向本机关提出；逾期未提出的，视为放弃听证权利。"
				+ "本机关将在举行听证的" + PenaltyCase.HEARING_NOTICE_DAYS + "个工作日前，通知" + s.you() + "举行听证的时间、地点。");
		if (c.hearingRequestedOn() != null) {
			d.indented("当事人于" + day(c.hearingRequestedOn()) + "申请听证"
					+ (c.hearingHeldOn() == null ? "。" : "，本机关于" + day(c.hearingNoticeOn()) + "通知，于" + day(c.hearingHeldOn()) + "举行听证。"));
		}
		d.closing(s.letterhead().issuer(), c.notifiedOn());
	}

	private static void defence(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		PdfPTable table = d.table(1.3f, 3.7f);
		d.row(table, "案由", cause(s));
		partyRows(d, table, s);
		d.row(table, "时间", day(c.defenceOn()));
		d.row(table, "方式", c.defenceWaived() ? "当事人放弃陈述、申辩" : c.defenceOnline() ? "当事人在线提交陈述、申辩" : "执法人员记录当事人的陈述、申辩");
		d.row(table, "告知书", s.number(Kind.NOTICE) + "（拟罚款" + Yuan.of(c.notifiedAmount()) + "）");
		d.add(table);
		d.heading("陈述申辩内容");
		if (c.defenceWaived()) {
			d.indented("当事人于" + day(c.defenceOn()) + "明确表示放弃陈述、申辩的权利。");
		}
		else {
			for (String line : c.defence().split("\\R")) {
				d.indented(line);
			}
		}
		d.signatures("当事人（签名或盖章）：", c.defenceOnline() || c.defenceWaived() ? "经办人（签名）：" : "记录人（签名）：");
	}

	private static void legalOpinion(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		PdfPTable table = d.table(1.3f, 3.7f);
		d.row(table, "案由", cause(s));
		partyRows(d, table, s);
		d.row(table, "处罚依据及法定幅度", s.entry().citation() + "，" + s.entry().rangeText());
		d.row(table, "裁量", discretion(s));
		if (c.deviationReason() != null) {
			d.row(table, "偏离建议档次的理由", c.deviationReason());
		}
		d.row(table, "审核结论", c.legalReviewPassed() ? "通过" : "未通过，退回补充调查");
		d.row(table, "审核人", s.name().apply(c.legalReviewer()));
		d.add(table);
		d.heading("法制审核意见");
		d.indented(c.legalOpinion());
		d.indented("依据《中华人民共和国行政处罚法》第五十八条：未经法制审核或者审核未通过的，不得作出决定。");
		d.signatures("法制审核人员（签名）：", "日期：" + day(s.issuedOn(Kind.LEGAL_OPINION, s.today())));
	}

	private static void discussion(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		PdfPTable table = d.table(1.3f, 3.7f);
		d.row(table, "案由", cause(s));
		partyRows(d, table, s);
		d.row(table, "拟处罚", "罚款" + Yuan.of(c.notifiedAmount()));
		d.row(table, "讨论日期", day(s.issuedOn(Kind.DISCUSSION, s.today())));
		d.add(table);
		d.heading("讨论记录");
		for (String line : c.discussionRecord().split("\\R")) {
			d.indented(line);
		}
		d.signatures("参加讨论的负责人（签名）：", "记录人（签名）：");
	}

	private static void decision(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		Paragraph whose = new Paragraph(c.party() == Party.UNIT ? "（单位）" : "（个人）", d.body());
		whose.setAlignment(Element.ALIGN_CENTER);
		d.add(whose);
		PdfPTable table = d.table(1.3f, 3.7f);
		partyRows(d, table, s);
		d.add(table);
		d.heading("一、违法事实和证据（事理）");
		d.indented(c.reasons().facts());
		d.heading("二、法律依据（法理）");
		d.indented("上述行为违反了安全生产法律法规的规定，依据" + s.entry().citation() + "（" + s.entry().violation() + "，"
				+ s.entry().rangeText() + "）的规定。");
		d.indented(c.reasons().law());
		d.heading("三、裁量理由（道理）");
		d.indented(c.reasons().discretion());
		d.indented(discretion(s));
		d.heading("四、对陈述申辩的采纳情况（情理）");
		d.indented(c.reasons().defence());
		d.heading("处罚决定");
		d.indented("本机关决定对" + s.you() + "处以罚款人民币" + Yuan.of(c.decidedAmount()) + "（大写：" + AmountInWords.of(c.decidedAmount())
				+ "）。");
		d.indented(PAYMENT_RULE + (c.paymentDue() == null ? "" : "，即" + day(c.paymentDue()) + "前") + "。" + LATE_CHARGE_RULE + "。");
		d.indented(REMEDIES);
		d.indented("逾期不申请行政复议、不提起行政诉讼又不履行本决定的，本机关将依法申请人民法院强制执行。");
		d.closing(s.letterhead().issuer(), c.decidedOn());
	}

	private static void noPenaltyDecision(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		PdfPTable table = d.table(1.3f, 3.7f);
		partyRows(d, table, s);
		d.add(table);
		d.heading("一、违法事实");
		d.indented("经查，" + s.you() + c.facts() + "。该行为违反了安全生产法律法规的规定，" + s.entry().citation() + "对此设定了"
				+ s.entry().rangeText() + "的罚款。");
		d.heading("二、不予行政处罚的理由和依据");
		for (DiscretionFactor ground : c.groundsHolding()) {
			d.indented("经审查，" + ground.label() + "。");
		}
		d.heading("三、说理和教育（说理式执法）");
		for (String line : c.noPenaltyGround().split("\\R")) {
			d.indented(line);
		}
		d.indented("本机关决定对" + s.you() + "不予行政处罚。" + s.you() + "应当引以为戒，严格遵守安全生产法律法规，杜绝同类违法行为再次发生；"
				+ "再次违法的，本机关将依法处理。");
		d.indented(REMEDIES);
		d.closing(s.letterhead().issuer(), c.decidedOn());
	}

	private static void deliveryReceipt(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		PdfPTable table = d.table(1.3f, 3.7f);
		d.row(table, "送达文书", Kind.DECISION.title() + "　" + s.number(Kind.DECISION));
		d.row(table, "受送达人", s.party());
		d.row(table, "送达地点", s.enterprise().address());
		d.row(table, "送达日期", day(c.deliveredOn()));
		d.row(table, "送达方式", "直接送达");
		d.row(table, "送达人", s.names(c.investigators()));
		d.row(table, "受送达人签收", "");
		d.row(table, "备注", "决定作出后" + PenaltyCase.DELIVERY_DAYS + "日内送达（《中华人民共和国行政处罚法》第六十一条）；缴款期限至"
				+ day(c.paymentDue()));
		d.add(table);
	}

	private static void paymentReminder(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		// the charge stops running the day the fine is paid: a reminder printed later shows what was due then
		LocalDate on = c.paidOn() != null && c.paidOn().isBefore(s.today()) ? c.paidOn() : s.today();
		long late = c.lateCharge(on);
		long due = c.due(on);
		d.paragraph(s.party() + "：");
		d.indented("本机关于" + day(c.decidedOn()) + "对" + s.you() + "作出行政处罚决定（" + s.number(Kind.DECISION) + "），罚款人民币"
				+ Yuan.of(c.decidedAmount()) + "，该决定书已于" + day(c.deliveredOn()) + "送达，缴款期限至" + day(c.paymentDue()) + "。截至"
				+ day(on) + "，" + s.you() + "仍未缴纳罚款。");
		d.indented("依据" + LATE_CHARGE_RULE + "。截至" + day(on) + "已逾期" + ChronoUnit.DAYS.between(c.paymentDue(), on) + "日，加处罚款"
				+ Yuan.of(late) + "，应缴合计人民币" + Yuan.of(due) + "（大写：" + AmountInWords.of(due) + "）。");
		d.indented("请" + s.you() + "接到本通知书后立即缴纳。逾期仍不缴纳的，本机关将依法申请人民法院强制执行。");
		d.closing(s.letterhead().issuer(), on);
	}

	private static void closingApproval(OfficialDocument d, Sheet s) throws DocumentException {
		PenaltyCase c = s.c();
		PdfPTable table = d.table(1.3f, 3.7f);
		d.row(table, "案由", cause(s));
		partyRows(d, table, s);
		d.row(table, "立案日期", day(c.openedOn()));
		d.row(table, "处理结果", outcome(s));
		d.row(table, "执行情况", c.paidOn() == null ? (c.decidedAmount() == null ? "无需执行" : "未缴纳")
				: "已于" + day(c.paidOn()) + "缴纳" + Yuan.of(c.paidAmount()));
		d.row(table, "承办人", s.names(c.investigators()));
		d.row(table, "结案日期", day(c.closedOn()));
		d.row(table, "审批意见", "同意结案");
		d.add(table);
		d.signatures("承办人（签名）：", "审批人（签名）：");
	}

	/** The outcome as the case file and the closing approval write it. */
	static String outcome(Sheet s) {
		PenaltyCase c = s.c();
		if (c.decidedAmount() != null) {
			return "罚款" + Yuan.of(c.decidedAmount()) + "（" + s.number(Kind.DECISION) + "）";
		}
		if (c.noPenaltyGround() != null) {
			return "不予行政处罚（" + s.number(Kind.NO_PENALTY_DECISION) + "）";
		}
		if (c.transferredTo() != null) {
			return "移送" + c.transferredTo();
		}
		return c.status().label();
	}

	static String cause(Sheet s) {
		return s.entry().violation() + "（" + s.entry().citation() + "）";
	}

	/** 道理 as the benchmark proposed it: the band, its range and the facts ticked. */
	private static String discretion(Sheet s) {
		PenaltyCase c = s.c();
		if (c.assessedOn() == null || c.band() == null) {
			return "未记录裁量情节";
		}
		List<DiscretionFactor> ticked = c.ticked();
		return "裁量基准：" + c.band().label() + "档" + (c.bandMin() == null ? "" : "（" + Yuan.range(c.bandMin(), c.bandMax()) + "）")
				+ (c.proposedAmount() == null ? "" : "，建议罚款" + Yuan.of(c.proposedAmount())) + "；认定的情节："
				+ (ticked.isEmpty() ? "无从重、从轻情节" : ticked.stream().map(DiscretionFactor::label).collect(Collectors.joining("；")))
				+ "。";
	}

	private static void partyRows(OfficialDocument d, PdfPTable table, Sheet s) {
		Enterprise e = s.enterprise();
		d.row(table, s.c().party() == Party.UNIT ? "当事人（单位）" : "当事人（个人）", s.party());
		d.row(table, "统一社会信用代码", e.uscc());
		d.row(table, "地址", e.address());
		d.row(table, "法定代表人（负责人）", e.legalRepresentative());
	}

	static String day(LocalDate day) {
		return day == null ? "" : OfficialDocument.DAY.format(day);
	}
}
