package org.anjian.shared;

import java.util.List;

/**
 * A file of many rows (an import) that breaks rules in some of them. Every bad row is listed, with its line as
 * the user sees it in the file (the header is line 1), the column at fault and a Chinese reason, so that the user
 * can correct all of them at once. Answered with 400 and changes nothing.
 */
public class InvalidRowsException extends RuntimeException {

	/** One problem: a line of the file, the column (its header as written in the file) and what is wrong. */
	public record RowProblem(long line, String column, String reason) {

		/** The most characters of a reason: one that quotes a bad cell quotes at most its beginning. */
		public static final int MAX_REASON = 300;

		public RowProblem {
			if (reason != null && reason.length() > MAX_REASON) {
				reason = reason.substring(0, MAX_REASON) + "…";
			}
			if (column != null && column.length() > 100) {
				column = column.substring(0, 100) + "…";
			}
		}
	}

	private final List<RowProblem> problems;

	public InvalidRowsException(List<RowProblem> problems) {
		super(summary(problems));
		this.problems = List.copyOf(problems);
	}

	public List<RowProblem> problems() {
		return problems;
	}

	/** How many distinct lines are bad (a line may have several problems). */
	public long badLines() {
		return problems.stream().mapToLong(RowProblem::line).distinct().count();
	}

	private static String summary(List<RowProblem> problems) {
		long lines = problems.stream().mapToLong(RowProblem::line).distinct().count();
		StringBuilder s = new StringBuilder("文件中有 ").append(lines).append(" 行有误，未导入任何数据；请改正后重新导入整个文件。");
		int shown = Math.min(problems.size(), 20); // the full list is in the answer's rowErrors; the sentence stays readable
		for (int i = 0; i < shown; i++) {
			RowProblem p = problems.get(i);
			s.append("第").append(p.line()).append("行");
			if (p.column() != null) {
				s.append("【").append(p.column()).append("】");
			}
			s.append(p.reason()).append(i < shown - 1 ? "；" : "");
		}
		if (problems.size() > shown) {
			s.append("……（另有 ").append(problems.size() - shown).append(" 处，见 rowErrors）");
		}
		return s.toString();
	}
}
