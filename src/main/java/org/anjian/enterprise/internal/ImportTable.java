package org.anjian.enterprise.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.anjian.shared.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/**
 * An uploaded table read as text cells: a CSV in UTF-8 (with or without BOM) or GBK, or the first sheet of an
 * .xlsx workbook. The first non-empty line is the header. Every row keeps its line as the user sees it (in the
 * file for CSV, the sheet's row number for .xlsx), so that a problem can be pointed at; blank rows are skipped.
 */
public final class ImportTable {

	/** A row of cells (trimmed, empty as "") in header order, and its line number. */
	public record Line(long number, List<String> cells) {

		public String cell(int column) {
			return column < cells.size() ? cells.get(column) : "";
		}
	}

	/** GB18030 decodes every GBK file identically and is a superset of it, so no GBK file is refused. */
	static final Charset GBK = Charset.forName("GB18030");

	private final List<String> header;
	private final long headerLine;
	private final List<Line> lines;
	private final String format;

	private ImportTable(List<String> header, long headerLine, List<Line> lines, String format) {
		this.header = header;
		this.headerLine = headerLine;
		this.lines = lines;
		this.format = format;
	}

	public List<String> header() {
		return header;
	}

	public long headerLine() {
		return headerLine;
	}

	public List<Line> lines() {
		return lines;
	}

	/** "xlsx", "csv (UTF-8)" or "csv (GBK)": said back to the user so that a wrong guess is visible. */
	public String format() {
		return format;
	}

	/**
	 * Reads a file by its content, not its name: a ZIP is taken for .xlsx, an old binary .xls is refused with
	 * advice, anything else is CSV. At most {@code maxRows} data rows are accepted.
	 */
	public static ImportTable read(byte[] content, int maxRows) {
		if (content == null || content.length == 0) {
			throw new InvalidInputException("file", "上传的文件是空的，请选择要导入的 CSV 或 Excel (.xlsx) 文件");
		}
		byte[] head = Arrays.copyOf(content, Math.min(content.length, 8));
		if (ReadableWorkbook.isOLE2Header(head)) {
			throw new InvalidInputException("file", "不支持旧版 Excel (.xls) 文件：请在 Excel 中“另存为” .xlsx 或 CSV 后再导入");
		}
		if (ReadableWorkbook.isOOXMLZipHeader(head)) {
			return xlsx(content, maxRows);
		}
		return csv(content, maxRows);
	}

	private static ImportTable xlsx(byte[] content, int maxRows) {
		List<String> header = null;
		long headerLine = 0;
		List<Line> lines = new ArrayList<>();
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(content));
				Stream<Row> rows = workbook.getFirstSheet().openStream()) {
			Iterator<Row> it = rows.iterator();
			while (it.hasNext()) {
				Row row = it.next();
				List<String> cells = new ArrayList<>(row.getCellCount());
				for (int i = 0; i < row.getCellCount(); i++) {
					cells.add(clean(row.getCellText(i)));
				}
				if (blank(cells)) {
					continue;
				}
				if (header == null) {
					header = cells;
					headerLine = row.getRowNum();
				}
				else {
					add(lines, new Line(row.getRowNum(), cells), maxRows);
				}
			}
		}
		catch (IOException | RuntimeException e) {
			if (e instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw new InvalidInputException("file", "无法读取该 Excel 文件（可能已损坏或不是 .xlsx 格式）：请在 Excel 中重新保存为 .xlsx 后再导入");
		}
		return new ImportTable(requireHeader(header), headerLine, lines, "xlsx");
	}

	private static ImportTable csv(byte[] content, int maxRows) {
		String text;
		String format;
		int start = content.length >= 3 && (content[0] & 0xff) == 0xEF && (content[1] & 0xff) == 0xBB
				&& (content[2] & 0xff) == 0xBF ? 3 : 0;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content, start, content.length - start))
				.toString();
			format = "csv (UTF-8)";
		}
		catch (CharacterCodingException notUtf8) {
			// not valid UTF-8: Excel on a Chinese Windows saves CSV in GBK
			text = new String(content, GBK);
			format = "csv (GBK)";
		}
		int[] lineStarts = lineStarts(text);
		List<String> header = null;
		long headerLine = 0;
		List<Line> lines = new ArrayList<>();
		// empty lines stay records (skipped below as blank) so that every record's position is exact
		CSVFormat csv = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(false).setTrim(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), csv)) {
			for (CSVRecord record : parser) {
				List<String> cells = new ArrayList<>(record.size());
				record.forEach(v -> cells.add(clean(v)));
				if (blank(cells)) {
					continue;
				}
				long line = lineOf(lineStarts, record.getCharacterPosition());
				if (header == null) {
					header = cells;
					headerLine = line;
				}
				else {
					add(lines, new Line(line, cells), maxRows);
				}
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
			throw new InvalidInputException("file", "CSV 文件格式有误（" + lineHint(e) + "）：请检查引号是否成对，或在 Excel 中另存为 CSV 后再导入");
		}
		return new ImportTable(requireHeader(header), headerLine, lines, format);
	}

	private static void add(List<Line> lines, Line line, int maxRows) {
		if (lines.size() >= maxRows) {
			throw new InvalidInputException("file", "单次最多导入 " + maxRows + " 行企业数据，请拆分为几个文件分别导入");
		}
		lines.add(line);
	}

	private static List<String> requireHeader(List<String> header) {
		if (header == null) {
			throw new InvalidInputException("file", "文件中没有数据：第一行应为列名（如 统一社会信用代码、企业名称……），其下每行一家企业");
		}
		return header;
	}

	/** Where each line of the text begins, to turn a record's character position into its line number. */
	private static int[] lineStarts(String text) {
		int[] starts = new int[64];
		int n = 0;
		starts[n++] = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
				if (n == starts.length) {
					starts = Arrays.copyOf(starts, n * 2);
				}
				starts[n++] = i + 1;
			}
		}
		return Arrays.copyOf(starts, n);
	}

	private static long lineOf(int[] lineStarts, long position) {
		int i = Arrays.binarySearch(lineStarts, (int) position);
		return (i >= 0 ? i : -i - 2) + 1L;
	}

	private static String lineHint(Exception e) {
		String m = e.getMessage() == null ? "" : e.getMessage();
		java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)").matcher(m);
		return line.find() ? "约第 " + line.group(1) + " 行" : "无法解析";
	}

	private static String clean(String value) {
		if (value == null) {
			return "";
		}
		// a BOM inside the first cell (some tools write it twice) and non-breaking spaces pasted from web pages
		return value.replace("\uFEFF", "").replace('\u00A0', ' ').strip();
	}

	private static boolean blank(List<String> cells) {
		return cells.stream().allMatch(String::isEmpty);
	}
}
