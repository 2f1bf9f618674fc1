package org.anjian.penalty.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfImportedPage;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import org.anjian.penalty.PenaltyCase;
import org.anjian.penalty.PenaltyDocument.Kind;
import org.anjian.shared.documents.OfficialDocument;

/**
 * The case file (案卷) bound from the case's documents: a cover (the case's number, cause, party, dates, outcome and
 * who handled it), a table of contents listing every document with its number and the page it starts on, then the
 * documents in the order of the procedure, every page numbered through the whole file at its top right (卷内页码)
 * so that a missing page shows.
 */
public final class CaseFileBinder {

	/** One document of the file: its title, its number and its PDF. */
	public record Part(String title, String number, byte[] pdf) {
	}

	private CaseFileBinder() {
	}

	public static byte[] bind(CaseDocumentWriter.Sheet s, List<Part> parts) {
		List<Integer> counts = parts.stream().map(p -> pages(p.pdf())).toList();
		// the cover and contents take as many pages whatever the page numbers say: lay them out once to count them
		byte[] front = front(s, parts, counts, 0);
		int frontPages = pages(front);
		front = front(s, parts, counts, frontPages);
		List<byte[]> all = new ArrayList<>();
		all.add(front);
		parts.forEach(p -> all.add(p.pdf()));
		return numbered(concatenate(all));
	}

	/** The cover and the table of contents; the first document starts after {@code frontPages} pages. */
	private static byte[] front(CaseDocumentWriter.Sheet s, List<Part> parts, List<Integer> counts, int frontPages) {
		PenaltyCase c = s.c();
		return OfficialDocument.pdf(new OfficialDocument.Heading(s.letterhead().issuer(), Kind.CASE_FILE.title(),
				s.caseNumber(), s.verifyUrl()), document -> {
			PdfPTable cover = document.table(1.3f, 3.7f);
			document.row(cover, "案号", s.caseNumber());
			document.row(cover, "案由", CaseDocumentWriter.cause(s));
			document.row(cover, "当事人", s.party());
			document.row(cover, "统一社会信用代码", c.uscc());
			document.row(cover, "立案日期", CaseDocumentWriter.day(c.openedOn()));
			document.row(cover, "结案日期", CaseDocumentWriter.day(c.closedOn()));
			document.row(cover, "处理结果", CaseDocumentWriter.outcome(s));
			document.row(cover, "承办人", s.names(c.investigators()));
			document.row(cover, "卷内文书", parts.size() + "份");
			document.add(cover);
			document.heading("卷内文书目录");
			PdfPTable contents = document.table(0.6f, 2.2f, 2.6f, 0.8f);
			contents.setHeaderRows(1);
			for (String title : List.of("序号", "文书名称", "文号", "页码")) {
				contents.addCell(document.cell(title, document.bold()));
			}
			int page = frontPages + 1;
			for (int i = 0; i < parts.size(); i++) {
				Part part = parts.get(i);
				contents.addCell(document.cell(String.valueOf(i + 1), document.small()));
				contents.addCell(document.cell(part.title(), document.small()));
				contents.addCell(document.cell(part.number(), document.small()));
				contents.addCell(document.cell(String.valueOf(page), document.small()));
				page += counts.get(i);
			}
			document.add(contents);
		});
	}

	private static int pages(byte[] pdf) {
		try (PdfReader reader = new PdfReader(pdf)) {
			return reader.getNumberOfPages();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static byte[] concatenate(List<byte[]> pdfs) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document();
		try {
			PdfCopy copy = new PdfCopy(document, out);
			document.open();
			for (byte[] pdf : pdfs) {
				PdfReader reader = new PdfReader(pdf);
				for (int page = 1; page <= reader.getNumberOfPages(); page++) {
					PdfImportedPage imported = copy.getImportedPage(reader, page);
					copy.addPage(imported);
				}
				copy.freeReader(reader);
				reader.close();
			}
			document.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (DocumentException e) {
			throw new IllegalStateException("could not bind the case file", e);
		}
		return out.toByteArray();
	}

	/** Every page's number in the whole file, at its top right. */
	private static byte[] numbered(byte[] pdf) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (PdfReader reader = new PdfReader(pdf)) {
			PdfStamper stamper = new PdfStamper(reader, out);
			Font font = new Font(BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED), 10);
			int total = reader.getNumberOfPages();
			for (int page = 1; page <= total; page++) {
				Rectangle size = reader.getPageSize(page);
				ColumnText.showTextAligned(stamper.getOverContent(page), Element.ALIGN_RIGHT,
						new Phrase("卷内第 " + page + " 页，共 " + total + " 页", font), size.getRight() - 56, size.getTop() - 36, 0);
			}
			stamper.close();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (DocumentException e) {
			throw new IllegalStateException("could not number the case file", e);
		}
		return out.toByteArray();
	}
}
