package org.anjian.penalty.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.anjian.shared.Sha256;

/**
 * The draw of closed cases for case-file review, version {@value #VERSION}, defined so that anyone can recompute it
 * from what the draw keeps (its seed, its candidate list and that list's hash), like the planning module's
 * double-random draw:
 * <ul>
 * <li>candidate list: one line per closed case of the body in the period, {@code <case id>,<MAJOR or OTHER>\n},
 * sorted by case id, UTF-8; its hash is the lower-case hex SHA-256 of exactly those bytes;</li>
 * <li>every MAJOR case is taken;</li>
 * <li>of the OTHER cases, the quota is the share of their number rounded up, at least one when there is any; a
 * case's ticket is the hex SHA-256 of UTF-8 {@code seed + "|" + case id}, and the cases with the lowest tickets are
 * taken.</li>
 * </ul>
 */
public final class CaseFileSampling {

	public static final String VERSION = "anjian-case-file-draw-v1";

	private CaseFileSampling() {
	}

	/** A closed case that may be drawn, and whether it is major (always taken). */
	public record Candidate(long caseId, boolean major) {
	}

	/** A case taken, with its ticket (none for a major case, which is taken without one). */
	public record Selected(long caseId, boolean major, String ticket) {
	}

	public static String candidateText(List<Candidate> candidates) {
		StringBuilder text = new StringBuilder();
		candidates.stream()
			.sorted(Comparator.comparingLong(Candidate::caseId))
			.forEach(c -> text.append(c.caseId()).append(',').append(c.major() ? "MAJOR" : "OTHER").append('\n'));
		return text.toString();
	}

	/** The candidates back from their text. */
	public static List<Candidate> candidates(String text) {
		List<Candidate> candidates = new ArrayList<>();
		for (String line : text.split("\n")) {
			if (!line.isEmpty()) {
				String[] parts = line.split(",");
				candidates.add(new Candidate(Long.parseLong(parts[0]), "MAJOR".equals(parts[1])));
			}
		}
		return candidates;
	}

	/** How many of so many non-major cases are drawn: the share, rounded up, at least one when there is any. */
	public static int quota(int others, double share) {
		if (others <= 0) {
			return 0;
		}
		int want = BigDecimal.valueOf(share).multiply(BigDecimal.valueOf(others)).setScale(0, RoundingMode.CEILING).intValue();
		return Math.max(1, Math.min(others, want));
	}

	public static String ticket(String seed, long caseId) {
		return Sha256.hex(seed + "|" + caseId);
	}

	/** Every major case, then the drawn others by their tickets. */
	public static List<Selected> draw(String seed, List<Candidate> candidates, double share) {
		List<Selected> selected = new ArrayList<>();
		candidates.stream()
			.filter(Candidate::major)
			.sorted(Comparator.comparingLong(Candidate::caseId))
			.forEach(c -> selected.add(new Selected(c.caseId(), true, null)));
		List<Candidate> others = candidates.stream().filter(c -> !c.major()).toList();
		others.stream()
			.map(c -> new Selected(c.caseId(), false, ticket(seed, c.caseId())))
			.sorted(Comparator.comparing(Selected::ticket))
			.limit(quota(others.size(), share))
			.forEach(selected::add);
		return selected;
	}
}
