package org.anjian.hazard.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.anjian.enterprise.EnterpriseRegistry;
import org.anjian.hazard.Hazard;
import org.anjian.hazard.HazardRectification;
import org.anjian.organization.Organization;
import org.anjian.shared.Zone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notice letter (抄告函) of a notice to another department as PDF, A4: its number, the department, the enterprise
 * by name and credit code, the hazard with its legal basis, what is asked, the reply-by day and the issuing body.
 * Read with the caller's jurisdiction: a notice outside it does not exist for them (404). Chinese text in OpenPDF's
 * built-in STSong-Light (UniGB-UCS2-H), as the enforcement documents: nothing to install or embed.
 */
@Service
public class NoticeLetters {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final DepartmentNotification notification;
	private final HazardRectification rectification;
	private final EnterpriseRegistry registry;
	private final Organization organization;

	NoticeLetters(DepartmentNotification notification, HazardRectification rectification, EnterpriseRegistry registry,
			Organization organization) {
		this.notification = notification;
		this.rectification = rectification;
		this.registry = registry;
		this.organization = organization;
	}

	/** What the letter says beside the notice: the enterprise's name, the hazard, and the issuing body's name. */
	record Facts(String enterpriseName, String description, String legalBasis, boolean major, String bodyName) {
	}

	@Transactional(readOnly = true)
	public byte[] letter(long hazardId, long noticeId) {
		DepartmentNotice notice = notification.notice(hazardId, noticeId);
		Hazard hazard = rectification.hazard(notice.hazardId());
		Facts facts = new Facts(registry.names(List.of(notice.uscc())).getOrDefault(notice.uscc(), notice.uscc()),
				hazard.description(), hazard.legalBasis(), hazard.major(), organization.body(notice.bodyId()).name());
		BaseFont base;
		try {
			base = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		Font title = new Font(base, 18, Font.BOLD);
		Font body = new Font(base, 12);
		Font small = new Font(base, 10);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 56, 72);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setPageEvent(new PdfPageEventHelper() {
				@Override
				public void onEndPage(PdfWriter w, Document d) {
					// the number and page on every page, so that a page out of its letter still says where it belongs
					ColumnText.showTextAligned(w.getDirectContent(), Element.ALIGN_CENTER,
							new Phrase(notice.number() + "　第 " + w.getPageNumber() + " 页", small), d.getPageSize().getWidth() / 2,
							36, 0);
				}
			});
			document.addTitle("抄告函 " + notice.number());
			document.addCreator("安监执法平台");
			document.open();
			centered(document, facts.bodyName(), body, 0);
			centered(document, "抄告函", title, 6);
			centered(document, notice.number(), body, 0);
			document.add(new Paragraph(" ", small));
			document.add(new Paragraph(notice.departmentName() + "：", body));
			indented(document, "我单位在安全生产监督检查中发现，" + facts.enterpriseName() + "（统一社会信用代码："
					+ notice.uscc() + "）存在以下" + (facts.major() ? "重大事故隐患" : "事故隐患") + "，涉及贵单位职责，现予抄告：", body);
			indented(document, "一、隐患情况：" + facts.description() + "。", body);
			indented(document, "二、依据：" + (facts.legalBasis() == null || facts.legalBasis().isBlank()
					? "《中华人民共和国安全生产法》" : facts.legalBasis()) + "。", body);
			indented(document, "三、请贵单位办理的事项：" + notice.request() + "。", body);
			indented(document, "请于" + DAY.format(notice.replyBy()) + "前将办理情况函复我单位。", body);
			Paragraph seal = new Paragraph(facts.bodyName() + "（印章）", body);
			seal.setAlignment(Element.ALIGN_RIGHT);
			seal.setSpacingBefore(36);
			document.add(seal);
			Paragraph day = new Paragraph(DAY.format(LocalDate.ofInstant(notice.sentAt(), Zone.SHANGHAI)), body);
			day.setAlignment(Element.ALIGN_RIGHT);
			document.add(day);
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("could not compose the notice letter " + noticeId, e);
		}
		return out.toByteArray();
	}

	private static void centered(Document document, String text, Font font, float before) throws DocumentException {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setAlignment(Element.ALIGN_CENTER);
		paragraph.setSpacingBefore(before);
		document.add(paragraph);
	}

	private static void indented(Document document, String text, Font font) throws DocumentException {
		Paragraph paragraph = new Paragraph(text, font);
		paragraph.setFirstLineIndent(24);
		paragraph.setSpacingAfter(4);
		paragraph.setLeading(20);
		document.add(paragraph);
	}
}
