package org.anjian.planning.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.anjian.shared.Sha256;

/**
 * The double-random draw, version {@value #VERSION}, defined so that anyone can recompute it:
 *
 * <ul>
 * <li>candidate list: one line per enterprise, {@code <credit code>,<stratum>\n}, sorted by credit code, UTF-8;
 * the stratum is the enterprise's street code, or its district code when it has no street;</li>
 * <li>officer pool: one line per officer, {@code <badge number>,<LEAD or ->\n}, sorted, UTF-8 ({@code LEAD}: a
 * certified lead inspector, 主办人);</li>
 * <li>each list's hash: lower-case hex SHA-256 of exactly those bytes (what {@code candidates.csv} and
 * {@code officers.csv} serve);</li>
 * <li>an enterprise's ticket: hex SHA-256 of UTF-8 {@code seed + "|" + credit code}; in each stratum the
 * enterprises with the lowest tickets are taken, as many as that stratum's published quota;</li>
 * <li>the officers are drawn into teams of two, month by month: an officer's ticket for month m is the hex
 * SHA-256 of {@code seed + "|" + m + "|" + badge number}; officers are ordered by the months they have already
 * been in a team that year, then by ticket; lead inspectors in that order are paired with the other officers in
 * that order, lead inspectors left over pair among themselves, and officers left over without a lead inspector
 * stay free that month (the reserve for temporary tasks). Which team inspects which drawn enterprise, and on
 * which day, the plan's schedule decides by the rules (nearness, balance, rotation, conflicts of interest); it is
 * not published before the inspection.</li>
 * </ul>
 *
 * Quotas: the total to draw is shared among strata in proportion to their sizes by largest remainder (ties to
 * the lower stratum code).
 */
public final class DrawAlgorithm {

	public static final String VERSION = "anjian-draw-v2";

	private DrawAlgorithm() {
	}

	public record Candidate(String uscc, String stratum) {
	}

	public record Stratum(String stratum, int size, int taken) {
	}

	public record Selected(String uscc, String stratum, String ticket) {
	}

	/** An officer of the frozen pool. */
	public record PoolMember(String badge, boolean lead) {
	}

	public static String candidateText(List<Candidate> candidates) {
		StringBuilder text = new StringBuilder();
		candidates.stream().sorted(Comparator.comparing(Candidate::uscc))
			.forEach(c -> text.append(c.uscc()).append(',').append(c.stratum()).append('\n'));
		return text.toString();
	}

	public static String officerText(List<PoolMember> pool) {
		StringBuilder text = new StringBuilder();
		pool.stream().sorted(Comparator.comparing(PoolMember::badge))
			.forEach(o -> text.append(o.badge()).append(',').append(o.lead() ? "LEAD" : "-").append('\n'));
		return text.toString();
	}

	/** The pool back from its frozen text. */
	public static List<PoolMember> pool(String officerText) {
		List<PoolMember> pool = new ArrayList<>();
		for (String line : officerText.split("\n")) {
			if (!line.isEmpty()) {
				int comma = line.lastIndexOf(',');
				pool.add(new PoolMember(line.substring(0, comma), "LEAD".equals(line.substring(comma + 1))));
			}
		}
		return pool;
	}

	/** Each stratum's size and quota for a total to draw. */
	public static List<Stratum> quotas(List<Candidate> candidates, int total) {
		Map<String, Integer> sizes = new TreeMap<>();
		candidates.forEach(c -> sizes.merge(c.stratum(), 1, Integer::sum));
		int n = candidates.size();
		int want = Math.max(0, Math.min(total, n));
		Map<String, Integer> taken = new LinkedHashMap<>();
		List<Map.Entry<String, BigDecimal>> remainders = new ArrayList<>();
		int given = 0;
		for (Map.Entry<String, Integer> s : sizes.entrySet()) {
			BigDecimal exact = n == 0 ? BigDecimal.ZERO
					: BigDecimal.valueOf((long) want * s.getValue()).divide(BigDecimal.valueOf(n), 9, RoundingMode.DOWN);
			int base = exact.setScale(0, RoundingMode.DOWN).intValue();
			taken.put(s.getKey(), base);
			given += base;
			remainders.add(Map.entry(s.getKey(), exact.subtract(BigDecimal.valueOf(base))));
		}
		remainders.sort(Map.Entry.<String, BigDecimal>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
		for (int i = 0; given < want && i < remainders.size(); i++, given++) {
			taken.merge(remainders.get(i).getKey(), 1, Integer::sum);
		}
		List<Stratum> strata = new ArrayList<>();
		sizes.forEach((code, size) -> strata.add(new Stratum(code, size, taken.get(code))));
		return strata;
	}

	public static List<Selected> draw(String seed, List<Candidate> candidates, List<Stratum> strata) {
		Map<String, List<Candidate>> byStratum = new TreeMap<>();
		candidates.forEach(c -> byStratum.computeIfAbsent(c.stratum(), k -> new ArrayList<>()).add(c));
		List<Selected> selected = new ArrayList<>();
		for (Stratum stratum : strata) {
			byStratum.getOrDefault(stratum.stratum(), List.of()).stream()
				.map(c -> new Selected(c.uscc(), c.stratum(), Sha256.hex(seed + "|" + c.uscc())))
				.sorted(Comparator.comparing(Selected::ticket))
				.limit(stratum.taken())
				.forEach(selected::add);
		}
		return selected;
	}
}
