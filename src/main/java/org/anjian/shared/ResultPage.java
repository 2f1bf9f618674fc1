package org.anjian.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

/**
 * One page of a long list, as a person pages through it (pages count from 1). The total may be a lower bound: at a
 * million rows under row-level security an exact count costs more than the page itself, so a list may count up to a
 * cap and say "more than" ({@code exact} false); then the last page is not offered, only the next.
 */
public record ResultPage<T>(List<T> items, int number, int size, long total, boolean exact) {

	public static final int DEFAULT_SIZE = 20;
	public static final int MAX_SIZE = 200;

	/** A list counts at most this many rows (past the page asked for): beyond, it says "more than". */
	public static final long COUNT_CAP = 10_000;

	/** Reads {@code limit} rows of a list from {@code offset} on, in the list's order. */
	@FunctionalInterface
	public interface Rows<T> {

		List<T> fetch(int limit, long offset);
	}

	public ResultPage {
		items = List.copyOf(items);
		if (number < 1 || size < 1) {
			throw new IllegalArgumentException("pages count from 1 and hold at least one row");
		}
	}

	public static <T> ResultPage<T> of(List<T> items, int number, int size, long total) {
		return new ResultPage<>(items, number, size, total, true);
	}

	/**
	 * The page asked for of a list that counts its rows only up to a limit ({@code countUpTo} answers the number of
	 * rows, or the limit when there are at least that many): at most {@value #COUNT_CAP} rows, or as far as the page
	 * asked for, and one more to know whether there are more. A page beyond the last of an exactly counted list is the
	 * last page; an empty list has one empty page.
	 */
	public static <T> ResultPage<T> fetch(Integer requested, int size, LongUnaryOperator countUpTo, Rows<T> rows) {
		int wanted = number(requested);
		long limit = Math.max(COUNT_CAP, offset(wanted, size) + size) + 1;
		long counted = countUpTo.applyAsLong(limit);
		if (counted < limit) {
			int number = Math.min(wanted, (int) Math.max(1, (counted + size - 1) / size));
			return new ResultPage<>(rows.fetch(size, offset(number, size)), number, size, counted, true);
		}
		return new ResultPage<>(rows.fetch(size, offset(wanted, size)), wanted, size, limit - 1, false);
	}

	/** A page of a list already in memory (a short one, or one the page computes whole anyway). */
	public static <T> ResultPage<T> slice(List<T> all, Integer requested, int size) {
		int number = Math.min(number(requested), Math.max(1, (all.size() + size - 1) / size));
		int from = (int) offset(number, size);
		return of(all.subList(Math.min(from, all.size()), Math.min(from + size, all.size())), number, size, all.size());
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

	/** The same page with other items: the rows read for the ids of a page, in the page's order. */
	public <R> ResultPage<R> withItems(List<R> other) {
		return new ResultPage<>(other, number, size, total, exact);
	}

	public <R> ResultPage<R> map(Function<? super T, ? extends R> mapper) {
		return new ResultPage<>(items.stream().<R>map(mapper).toList(), number, size, total, exact);
	}
}
