package org.anjian.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a long list, as a person pages through it (pages count from 1). The total may be a lower bound: at a
 * million rows under row-level security an exact count costs more than the page itself, so a list may count up to a
 * cap and say "more than" ({@code exact} false); then the last page is not offered, only the next.
 */
public record ResultPage<T>(List<T> items, int number, int size, long total, boolean exact) {

	public static final int DEFAULT_SIZE = 20;
	public static final int MAX_SIZE = 200;

	public ResultPage {
		items = List.copyOf(items);
		if (number < 1 || size < 1) {
			throw new IllegalArgumentException("pages count from 1 and hold at least one row");
		}
	}

	public static <T> ResultPage<T> of(List<T> items, int number, int size, long total) {
		return new ResultPage<>(items, number, size, total, true);
	}

	/** The page number asked for, kept within 1 and a sane bound (a bad or missing number is page 1). */
	public static int number(Integer requested) {
		return requested == null || requested < 1 ? 1 : Math.min(requested, 1_000_000);
	}

	/** The rows to skip for a page. */
	public static long offset(int number, int size) {
		return (long) (number - 1) * size;
	}

	public long offset() {
		return offset(number, size);
	}

	/** The number of pages; with a capped count, the pages known so far. */
	public int pages() {
		return (int) Math.max(1, (total + size - 1) / size);
	}

	public boolean hasPrevious() {
		return number > 1;
	}

	public boolean hasNext() {
		return exact ? number < pages() : items.size() == size;
	}

	public boolean isEmpty() {
		return items.isEmpty();
	}

	/** The page numbers around this one that a compact pager shows (at most {@code 2 * radius + 1}). */
	public List<Integer> window(int radius) {
		int last = exact ? pages() : Math.max(pages(), number + (hasNext() ? 1 : 0));
		int from = Math.max(1, Math.min(number - radius, last - 2 * radius));
		int to = Math.min(last, from + 2 * radius);
		List<Integer> window = new ArrayList<>();
		for (int p = from; p <= to; p++) {
			window.add(p);
		}
		return window;
	}

	public <R> ResultPage<R> map(Function<? super T, ? extends R> mapper) {
		return new ResultPage<>(items.stream().<R>map(mapper).toList(), number, size, total, exact);
	}
}
