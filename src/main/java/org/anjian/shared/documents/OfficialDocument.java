package org.anjian.shared.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

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

/**
 * An enforcement document (执法文书) as PDF, A4, laid out after the national forms, and nothing of what it says: the
 * issuing body above the title and the document number, then what the caller writes with the building blocks below,
 * and on every page the QR code that verifies the document on the portal, beside the number and the page number (so
 * that a missing page shows). The modules that issue documents write their content and their rules themselves.
 *
 * <p>The Chinese text uses OpenPDF's built-in STSong-Light with the UniGB-UCS2-H encoding, whose metrics and CMaps
 * ship in OpenPDF's jar: nothing to install, and every PDF reader has a substitute Song font for it.
 */
public final class OfficialDocument {

	/** How the documents write a day: 2026年12月7日. */
	public static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

	/**
	 * Who issues the document, what it is, its number, and the address its QR code leads to (null: a document with no
	 * code to verify it by, which prints no QR code).
	 */
	public record Heading(String issuer, String title, String number, String verifyUrl) {
	}

	/** What a document says, written with the building blocks of {@link OfficialDocument}. */
	@FunctionalInterface
	public interface Content {
		void write(OfficialDocument document) throws DocumentException;
	}

	private final Document document;
	private final Font title;
	private final Font bold;
	private final Font body;
	private final Font small;

	private OfficialDocument(Document document) {
		this.document = document;
		BaseFont base;
		try {
			base = BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		this.title = new Font(base, 18, Font.BOLD);
		this.bold = new Font(base, 10.5f, Font.BOLD);
		this.body = new Font(base, 12);
		this.small = new Font(base, 10);
	}

	/** The document as PDF bytes: the heading, the content, the QR code and page number on every page. */
	public static byte[] pdf(Heading heading, Content content) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		// the bottom margin leaves room for the QR code and the page number on every page
		Document pdf = new Document(PageSize.A4, 56, 56, 56, 110);
		OfficialDocument document = new OfficialDocument(pdf);
		try {
			PdfWriter writer = PdfWriter.getInstance(pdf, out);
			writer.setPageEvent(document.new Footer(heading.number(), heading.verifyUrl()));
			pdf.addTitle(heading.title() + " " + heading.number());
			pdf.addCreator("安监执法平台");
			pdf.open();
			Paragraph issuer = new Paragraph(heading.issuer(), document.body);
			issuer.setAlignment(Element.ALIGN_CENTER);
			pdf.add(issuer);
			Paragraph title = new Paragraph(heading.title(), document.title);
			title.setAlignment(Element.ALIGN_CENTER);
			title.setSpacingBefore(6);
			pdf.add(title);
			Paragraph number = new Paragraph(heading.number(), document.body);
			number.setAlignment(Element.ALIGN_CENTER);
			number.setSpacingAfter(12);
			pdf.add(number);
			content.write(document);
			pdf.close();
		}
		catch (DocumentException e) {
			throw new IllegalStateException("could not compose " + heading.title() + " " + heading.number(), e);
		}
		return out.toByteArray();
	}

	// ---- building blocks

	public Font bold() {
		return bold;
	}

	public Font body() {
		return body;
	}

	public Font small() {
		return small;
	}

	public void add(Element element) throws DocumentException {
		document.add(element);
	}

	/** A paragraph of body text. */
	public void paragraph(String text) throws DocumentException {
		document.add(new Paragraph(text, body));
	}

	/** A paragraph of body text, its first line indented as in a letter. */
	public void indented(String text) throws DocumentException {
		Paragraph paragraph = new Paragraph(text, body);
		paragraph.setFirstLineIndent(24);
		paragraph.setSpacingAfter(4);
		paragraph.setLeading(20);
		document.add(paragraph);
	}

	/** The heading of a section. */
	public void heading(String text) throws DocumentException {
		Paragraph paragraph = new Paragraph(text, bold);
		paragraph.setSpacingBefore(12);
		paragraph.setSpacingAfter(6);
		document.add(paragraph);
	}

	/** A table across the page with columns of these relative widths. */
	public PdfPTable table(float... widths) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		return table;
	}

	/** A row of a two-column table: the label in bold, the value (empty when null). */
	public void row(PdfPTable table, String label, String value) {
		table.addCell(cell(label, bold));
		table.addCell(cell(value == null ? "" : value, body));
	}

	public PdfPCell cell(String text, Font font) {
		PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
		cell.setPadding(4);
		return cell;
	}

	/** The two signature lines at the end of a document. */
	public void signatures(String first, String second) throws DocumentException {
		Paragraph one = new Paragraph(first, body);
		one.setSpacingBefore(24);
		document.add(one);
		Paragraph two = new Paragraph(second, body);
		two.setSpacingBefore(12);
		document.add(two);
	}

	/** The issuer's seal and the day of issue, on the right. */
	public void closing(String issuer, LocalDate day) throws DocumentException {
		Paragraph seal = new Paragraph(issuer + "（印章）", body);
		seal.setAlignment(Element.ALIGN_RIGHT);
		seal.setSpacingBefore(24);
		document.add(seal);
		Paragraph date = new Paragraph(DAY.format(day), body);
		date.setAlignment(Element.ALIGN_RIGHT);
		document.add(date);
	}

	/** On every page: the QR code at the bottom right, the number and the page in the middle. */
	private final class Footer extends PdfPageEventHelper {

		private final String number;
		private final Image qr;

		Footer(String number, String url) {
			this.number = number;
			if (url == null) {
				this.qr = null;
				return;
			}
			try {
				this.qr = Image.getInstance(QrCode.png(url, 240));
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
			ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
					new Phrase(number + "　第 " + writer.getPageNumber() + " 页", small), page.getWidth() / 2, 40, 0);
			if (qr == null) {
				return;
			}
			try {
				qr.setAbsolutePosition(page.getRight() - 56 - 72, 24);
				canvas.addImage(qr);
			}
			catch (DocumentException e) {
				throw new IllegalStateException(e);
			}
			ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, new Phrase("扫码核验", small),
					page.getRight() - 56 - 76, 40, 0);
		}
	}
}
