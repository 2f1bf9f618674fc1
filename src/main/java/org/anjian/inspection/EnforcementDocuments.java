package org.anjian.inspection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enforcement documents (执法文书) of an inspection as PDF, A4, after the national forms: the on-site inspection
 * record (现场检查记录), the rectification order (责令限期整改指令书) and the decision on on-site measures (现场处理措施
 * 决定书). Each carries the task's document number and, on every page, the QR code of its inspection code, so that
 * whoever holds a printed page can check it on the portal, and the page number, so that a missing page shows.
 *
 * <p>Read with the caller's jurisdiction: a task outside it does not exist for them (404). The Chinese text uses
 * OpenPDF's built-in STSong-Light with the UniGB-UCS2-H encoding, whose metrics and CMaps ship in OpenPDF's jar:
 * nothing to install, and every PDF reader has a substitute Song font for it.
 */
@Service
public class EnforcementDocuments {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	private final JdbcClient jdbc;

	EnforcementDocuments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Officer(String name, String badge) {
	}

	record Task(long id, String number, String token, String status, String bodyName, String enterpriseName, String uscc,
			String address, Officer lead, Officer second, List<String> matters, LocalDate date) {
	}

	record Item(String text, String legalBasis, String clause, String outcome, String note) {
	}

	record Hazard(String description, String legalBasis, boolean major, LocalDate deadline) {
	}

	/** 现场检查记录: who was inspected, by whom, when, every planned item with its outcome and note, and the findings. */
	@Transactional(readOnly = true)
	public byte[] record(long taskId, String publicBaseUrl) {
		Task task = task(taskId);
		List<Item> items = items(taskId);
		List<Hazard> hazards = hazards(taskId);
		return pdf(task, "现场检查记录", publicBaseUrl, (document, fonts) -> {
			PdfPTable head = new PdfPTable(new float[] { 1.3f, 3.7f });
			head.setWidthPercentage(100);
			row(head, fonts, "被检查单位", task.enterpriseName());
			row(head, fonts, "统一社会信用代码", task.uscc());
			row(head, fonts, "地址", task.address());
			row(head, fonts, "检查机关", task.bodyName());
			row(head, fonts, "检查人员", officers(task));
			row(head, fonts, "检查日期", task.date() == null ? "" : DAY.format(task.date()));
			row(head, fonts, "检查事项", String.join("、", task.matters()));
			document.add(head);
			document.add(heading("检查情况", fonts));
			if (items.isEmpty()) {
				document.add(new Paragraph("本次检查未列入检查项。", fonts.body));
			}
			else {
				PdfPTable table = new PdfPTable(new float[] { 0.5f, 3.4f, 2.1f, 0.8f, 1.8f });
				table.setWidthPercentage(100);
				table.setHeaderRows(1);
				for (String title : List.of("序号", "检查内容", "依据", "结果", "说明")) {
					table.addCell(cell(title, fonts.bold));
				}
				int n = 0;
				for (Item item : items) {
					table.addCell(cell(String.valueOf(++n), fonts.small));
					table.addCell(cell(item.text(), fonts.small));
					table.addCell(cell(item.legalBasis() + (item.clause() == null ? "" : " " + item.clause()), fonts.small));
					table.addCell(cell(outcome(item.outcome()), fonts.small));
					table.addCell(cell(item.note() == null ? "" : item.note(), fonts.small));
				}
				document.add(table);
			}
			document.add(heading("检查发现的问题", fonts));
			if (hazards.isEmpty()) {
				document.add(new Paragraph("本次检查未发现事故隐患。", fonts.body));
			}
			int n = 0;
			for (Hazard hazard : hazards) {
				document.add(new Paragraph(++n + ". " + (hazard.major() ? "【重大事故隐患】" : "") + hazard.description()
						+ (hazard.deadline() == null ? "" : "（整改期限：" + DAY.format(hazard.deadline()) + "）"), fonts.body));
			}
			signatures(document, fonts, "检查人员（签名）：", "被检查单位现场负责人（签名）：");
		});
	}

	/** 责令限期整改指令书: the hazards found, each with its legal basis and deadline. */
	@Transactional(readOnly = true)
	public byte[] rectificationOrder(long taskId, String publicBaseUrl) {
		Task task = task(taskId);
		List<Hazard> hazards = hazards(taskId);
		if (hazards.isEmpty()) {
			throw new InvalidInputException("hazards", "本次检查未记录事故隐患，无需制作责令限期整改指令书");
		}
		return pdf(task, "责令限期整改指令书", publicBaseUrl, (document, fonts) -> {
			document.add(new Paragraph(task.enterpriseName() + "：", fonts.body));
			document.add(indented("经查，你单位存在下列问题：", fonts));
			int n = 0;
			for (Hazard hazard : hazards) {
				document.add(indented(++n + ". " + (hazard.major() ? "【重大事故隐患】" : "") + hazard.description()
						+ "。依据：" + (hazard.legalBasis() == null ? "《中华人民共和国安全生产法》" : hazard.legalBasis())
						+ "。整改期限：" + (hazard.deadline() == null ? "立即整改" : DAY.format(hazard.deadline()) + "前整改完毕")
						+ "。", fonts));
			}
			document.add(indented("依据《中华人民共和国安全生产法》第六十五条第一款第三项的规定，现责令你单位于上述期限内整改完毕，"
					+ "达到有关法律法规规章和标准规定的要求。由此造成事故的，依法追究有关人员的责任。", fonts));
			document.add(indented("整改期间，你单位应当采取措施，确保安全生产。对安全不能保障的，应当从危险区域内撤出作业人员，"
					+ "并疏散可能危及的其他人员，设置警戒标志，暂时停产停业或者停止使用相关设施、设备。", fonts));
			document.add(indented("如果不服本指令，可以依法在六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，"
					+ "但本指令不停止执行，法律另有规定的除外。", fonts));
			signatures(document, fonts, "检查人员（签名）：" + officers(task), "被检查单位负责人（签名）：");
			closing(document, fonts, task);
		});
	}

	/** 现场处理措施决定书: the on-site measures that the major hazards found call for. */
	@Transactional(readOnly = true)
	public byte[] onSiteMeasures(long taskId, String publicBaseUrl) {
		Task task = task(taskId);
		List<Hazard> major = hazards(taskId).stream().filter(Hazard::major).toList();
		if (major.isEmpty()) {
			throw new InvalidInputException("hazards", "本次检查未发现重大事故隐患，无需制作现场处理措施决定书");
		}
		return pdf(task, "现场处理措施决定书", publicBaseUrl, (document, fonts) -> {
			document.add(new Paragraph(task.enterpriseName() + "：", fonts.body));
			document.add(indented("本机关于" + (task.date() == null ? "" : DAY.format(task.date()))
					+ "在对你单位进行现场检查时，发现你单位存在下列重大事故隐患：", fonts));
			int n = 0;
			for (Hazard hazard : major) {
				document.add(indented(++n + ". " + hazard.description()
						+ (hazard.legalBasis() == null ? "" : "（依据：" + hazard.legalBasis() + "）"), fonts));
			}
			document.add(indented("依据《中华人民共和国安全生产法》第六十五条第一款第三项的规定，现作出如下现场处理决定：", fonts));
			n = 0;
			for (Hazard hazard : major) {
				document.add(indented(++n + ". 针对“" + hazard.description() + "”：责令从危险区域内撤出作业人员，"
						+ "暂时停产停业或者停止使用相关设施、设备；重大事故隐患排除后，经审查同意，方可恢复生产经营和使用。", fonts));
			}
			document.add(indented("如果不服本决定，可以依法在六十日内申请行政复议，或者在六个月内依法向人民法院提起行政诉讼，"
					+ "但本决定不停止执行，法律另有规定的除外。", fonts));
			signatures(document, fonts, "检查人员（签名）：" + officers(task), "被检查单位负责人（签名）：");
			closing(document, fonts, task);
		});
	}

	// ---- reading, within the caller's jurisdiction

	private Task task(long id) {
		return jdbc.sql("""
				select t.id, coalesce(t.document_number, '检查-' || t.id) as number, t.code_token, t.status,
				       b.name as body_name, e.name as enterprise_name, t.uscc, e.address, t.matters,
				       coalesce((t.started_at at time zone 'Asia/Shanghai')::date, t.planned_on) as day,
				       l.name as lead_name, l.badge_number as lead_badge, s.name as second_name, s.badge_number as second_badge
				from inspection_task t
				join enforcement_body b on b.id = t.body_id
				join enterprise e on e.uscc = t.uscc
				left join officer l on l.id = t.lead_officer_id
				left join officer s on s.id = t.second_officer_id
				where t.id = :id""")
			.param("id", id)
			.query((rs, n) -> new Task(rs.getLong("id"), rs.getString("number"), rs.getString("code_token"),
					rs.getString("status"), rs.getString("body_name"), rs.getString("enterprise_name"), rs.getString("uscc"),
					rs.getString("address"), officer(rs.getString("lead_name"), rs.getString("lead_badge")),
					officer(rs.getString("second_name"), rs.getString("second_badge")),
					Arrays.asList((String[]) rs.getArray("matters").getArray()), rs.getObject("day", LocalDate.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("检查任务 " + id + " 不存在或不在您的管辖范围内"));
	}

	private static Officer officer(String name, String badge) {
		return name == null ? null : new Officer(name, badge);
	}

	private List<Item> items(long taskId) {
		return jdbc.sql("""
				select c.text, c.legal_basis, c.clause, r.outcome, r.note
				from inspection_plan_item p
				join checklist_item c on c.id = p.checklist_item_id
				left join inspection_result r on r.task_id = p.task_id and r.checklist_item_id = p.checklist_item_id
				where p.task_id = :id order by p.position, p.checklist_item_id""")
			.param("id", taskId)
			.query((rs, n) -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)))
			.list();
	}

	private List<Hazard> hazards(long taskId) {
		return jdbc.sql("select description, legal_basis, major, deadline from hazard where task_id = :id order by id")
			.param("id", taskId)
			.query((rs, n) -> new Hazard(rs.getString(1), rs.getString(2), rs.getBoolean(3),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

	// ---- composing

	private static String outcome(String outcome) {
		if (outcome == null) {
			return "未检查";
		}
		switch (outcome) {
			case "PASS":
				return "符合";
			case "FAIL":
				return "不符合";
			default:
				return "不适用";
		}
	}

	private static String officers(Task task) {
		StringBuilder text = new StringBuilder();
		for (Officer officer : Arrays.asList(task.lead(), task.second())) {
			if (officer != null) {
				text.append(text.length() == 0 ? "" : "、").append(officer.name()).append("（执法证号 ").append(officer.badge())
					.append("）");
			}
		}
		return text.toString();
	}

	static final class Fonts {
		final Font title;
		final Font bold;
		final Font body;
		final Font small;
		final BaseFont base;

		Fonts() {
			try {
				base = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			title = new Font(base, 18, Font.BOLD);
			bold = new Font(base, 10.5f, Font.BOLD);
			body = new Font(base, 12);
			small = new Font(base, 10);
		}
	}

	interface Content {
		void write(Document document, Fonts fonts) throws DocumentException;
	}

	private static byte[] pdf(Task task, String title, String publicBaseUrl, Content content) {
		Fonts fonts = new Fonts();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// the bottom margin leaves room for the QR code and the page number on every page
		Document document = new Document(PageSize.A4, 56, 56, 56, 110);
		try {
			PdfWriter writer = PdfWriter.getInstance(document, out);
			writer.setPageEvent(new Footer(task.number(), InspectionCodeImage.pageUrl(publicBaseUrl, task.token()), fonts));
			document.addTitle(title + " " + task.number());
			document.addCreator("安监执法平台");
			document.open();
			Paragraph body = new Paragraph(task.bodyName(), fonts.body);
			body.setAlignment(Element.ALIGN_CENTER);
			document.add(body);
			Paragraph heading = new Paragraph(title, fonts.title);
			heading.setAlignment(Element.ALIGN_CENTER);
			heading.setSpacingBefore(6);
			document.add(heading);
			Paragraph number = new Paragraph(task.number(), fonts.body);
			number.setAlignment(Element.ALIGN_CENTER);
			number.setSpacingAfter(12);
			document.add(number);
			content.write(document, fonts);
			document.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("could not compose " + title + " of task " + task.id(), e);
		}
		return out.toByteArray();
	}

	/** On every page: the QR code of the inspection code at the bottom right, the number and page in the middle. */
	private static final class Footer extends PdfPageEventHelper {

		private final String number;
		private final Image qr;
		private final Fonts fonts;

		Footer(String number, String url, Fonts fonts) {
			this.number = number;
			this.fonts = fonts;
			try {
				this.qr = Image.getInstance(InspectionCodeImage.png(url, 240));
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			qr.scaleAbsolute(72, 72);
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			PdfContentByte canvas = writer.getDirectContent();
			Rectangle page = document.getPageSize();
			try {
				qr.setAbsolutePosition(page.getRight() - 56 - 72, 24);
				canvas.addImage(qr);
			}
			catch (DocumentException e) {
				throw new IllegalStateException(e);
			}
			ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase("扫码核验", fonts.small),
					page.getRight() - 56 - 76, 40, 0);
			ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
					new Phrase(number + "　第 " + writer.getPageNumber() + " 页", fonts.small), page.getWidth() / 2, 40, 0);
		}
	}

	private static void row(PdfPTable table, Fonts fonts, String label, String value) {
		table.addCell(cell(label, fonts.bold));
		table.addCell(cell(value == null ? "" : value, fonts.body));
	}

	private static PdfPCell cell(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setPadding(4);
		return cell;
	}

	private static Paragraph heading(String text, Fonts fonts) {
		Paragraph paragraph = new Paragraph(text, fonts.bold);
		paragraph.setSpacingBefore(12);
		paragraph.setSpacingAfter(6);
		return paragraph;
	}

	private static Paragraph indented(String text, Fonts fonts) {
		Paragraph paragraph = new Paragraph(text, fonts.body);
		paragraph.setFirstLineIndent(24);
		paragraph.setSpacingAfter(4);
		paragraph.setLeading(20);
		return paragraph;
	}

	private static void signatures(Document document, Fonts fonts, String first, String second) throws DocumentException {
		Paragraph one = new Paragraph(first, fonts.body);
		one.setSpacingBefore(24);
		document.add(one);
		Paragraph two = new Paragraph(second, fonts.body);
		two.setSpacingBefore(12);
		document.add(two);
	}

	private static void closing(Document document, Fonts fonts, Task task) throws DocumentException {
		Paragraph seal = new Paragraph(task.bodyName() + "（印章）", fonts.body);
		seal.setAlignment(Element.ALIGN_RIGHT);
		seal.setSpacingBefore(24);
		document.add(seal);
		Paragraph day = new Paragraph(DAY.format(LocalDate.now(SHANGHAI)), fonts.body);
		day.setAlignment(Element.ALIGN_RIGHT);
		document.add(day);
	}
}
