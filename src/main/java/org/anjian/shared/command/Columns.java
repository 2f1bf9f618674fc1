package org.anjian.shared.command;

/** Text laid out in terminal columns, as the benchmarks print their tables: a Chinese character takes two. */
public final class Columns {

	private Columns() {
	}

	/** The text, then spaces to the width (at least one). */
	public static String pad(String text, int columns) {
		return text + " ".repeat(Math.max(1, columns - width(text)));
	}

	/** Spaces to the width (at least one), then the text. */
	public static String left(String text, int columns) {
		return " ".repeat(Math.max(1, columns - width(text))) + text;
	}

	public static int width(String text) {
		return text.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
	}
}
