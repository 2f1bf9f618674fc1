package org.anjian.penalty.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The articles of the Work Safety Law a checklist item cites, read from its legal basis and clause ("第二十八条第四款",
 * "安全生产法第三十条", "第四条、第二十二条"), and article numbers written the way the law writes them. An item whose
 * basis names several instruments and whose clause does not say which one it cites gives none: which law it means
 * is not certain.
 */
public final class CitedArticles {

	static final String WORK_SAFETY_LAW = "安全生产法";

	private static final Pattern ARTICLE = Pattern.compile("第([零〇一二两三四五六七八九十百\\d]+)条");
	private static final Pattern INSTRUMENT = Pattern.compile("《[^》]+》|GB(?:/T)?\\s*\\d+");
	private static final String DIGITS = "零一二三四五六七八九";

	private CitedArticles() {
	}

	/** The Work Safety Law's articles the item cites; empty where it cites none of them, or it is not certain. */
	public static Set<Integer> of(String legalBasis, String clause) {
		if (legalBasis == null || !legalBasis.contains(WORK_SAFETY_LAW) || clause == null || clause.isBlank()) {
			return Set.of();
		}
		String cited;
		int named = clause.indexOf(WORK_SAFETY_LAW);
		if (named >= 0) {
			cited = clause.substring(named + WORK_SAFETY_LAW.length());
			int next = cited.indexOf('《');
			cited = next >= 0 ? cited.substring(0, next) : cited;
		}
		else if (instruments(legalBasis) == 1) {
			cited = clause;
		}
		else {
			return Set.of();
		}
		Set<Integer> articles = new LinkedHashSet<>();
		Matcher m = ARTICLE.matcher(cited);
		while (m.find()) {
			articles.add(number(m.group(1)));
		}
		return articles;
	}

	private static long instruments(String legalBasis) {
		return INSTRUMENT.matcher(legalBasis).results().count();
	}

	/** 一百零二 → 102, 二十四 → 24, 十 → 10, 97 → 97. */
	static int number(String text) {
		if (text.chars().allMatch(Character::isDigit)) {
			return Integer.parseInt(text);
		}
		int total = 0;
		int digit = 0;
		for (char c : text.replace('两', '二').replace('〇', '零').toCharArray()) {
			int d = DIGITS.indexOf(c);
			if (d >= 0) {
				digit = d;
			}
			else if (c == '十') {
				total += (digit == 0 ? 1 : digit) * 10;
				digit = 0;
			}
			else if (c == '百') {
				total += digit * 100;
				digit = 0;
			}
		}
		return total + digit;
	}

	/** 24 → 第二十四条, 102 → 第一百零二条 (1 to 999). */
	public static String article(int number) {
		return "第" + numeral(number) + "条";
	}

	/** Several articles as the law lists them: 第二十四条、第二十七条. */
	public static String articles(Collection<Integer> numbers) {
		return numbers.stream().map(CitedArticles::article).collect(Collectors.joining("、"));
	}

	static String numeral(int n) {
		if (n <= 0 || n > 999) {
			throw new IllegalArgumentException("article number out of range: " + n);
		}
		int hundreds = n / 100;
		int tens = n / 10 % 10;
		int ones = n % 10;
		StringBuilder s = new StringBuilder();
		if (hundreds > 0) {
			s.append(DIGITS.charAt(hundreds)).append('百');
			if (tens == 0 && ones > 0) {
				s.append('零');
			}
		}
		if (tens > 0) {
			if (!(hundreds == 0 && tens == 1)) {
				s.append(DIGITS.charAt(tens));
			}
			else if (hundreds > 0) {
				s.append('一');
			}
			s.append('十');
		}
		if (ones > 0) {
			s.append(DIGITS.charAt(ones));
		}
		return s.toString();
	}
}
