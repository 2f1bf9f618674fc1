package org.anjian.penalty;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.anjian.penalty.DiscretionFactor.Dimension;
import org.anjian.penalty.DiscretionFactor.Kind;
import org.anjian.shared.Allowance;
import org.anjian.shared.InvalidInputException;

/**
 * The discretion benchmark (裁量基准) as a pure rule: from the facts ticked, the band and the amount inside the
 * statutory range, with its reasons.
 * <ol>
 * <li>The no-penalty grounds come first (行政处罚法第33条; seed 003 (十一)「全面准确把握《行政处罚法》第三十三条关于轻微不罚、
 * 首违不罚、无主观过错不罚的规定」): any of them, and nothing is proposed but education.</li>
 * <li>The band: aggravating circumstances only (办法第55条) → 从重; mitigating only (办法第56条) → 从轻, which stays at or
 * below the middle of the range and never below its minimum; neither or both → 一般.</li>
 * <li>Inside the band, the six dimensions of seed 003 (十二) place the amount: each lighter dimension moves it down,
 * each more serious one up, the usual middle when nothing is ticked.</li>
 * </ol>
 * The statutory maximum is proposed only when aggravating facts are recorded (seed 003:「不得随意给予顶格罚款」): the 一般
 * band ends below it.
 */
public final class DiscretionPolicy {

	private DiscretionPolicy() {
	}

	public static Discretion propose(CatalogueEntry entry, StatutoryRange range, Set<DiscretionFactor> ticked,
			DiscretionSettings settings) {
		Set<DiscretionFactor> factors = ticked.isEmpty() ? EnumSet.noneOf(DiscretionFactor.class) : EnumSet.copyOf(ticked);
		Map<Dimension, DiscretionFactor> dimensions = dimensions(factors);
		List<String> reasons = new ArrayList<>();
		reasons.add("法定幅度：" + range.basis());

		Set<DiscretionFactor> grounds = only(factors, Kind.NO_PENALTY);
		if (!grounds.isEmpty()) {
			reasons.add("先行审查不予处罚情形，适用：" + labels(grounds) + "。依法不予行政处罚，应当对当事人进行教育（行政处罚法第33条第3款）");
			return new Discretion(entry, range.min(), range.max(), Band.NONE, 0, 0, 0, List.copyOf(reasons), true, false);
		}
		reasons.add("先行审查行政处罚法第33条不予处罚情形（轻微不罚、首违不罚、无主观过错不罚）及自查自报不罚：均不适用");

		Set<DiscretionFactor> aggravating = only(factors, Kind.AGGRAVATING);
		Set<DiscretionFactor> mitigating = only(factors, Kind.MITIGATING);
		long span = range.max() - range.min();
		long lighterTop = range.min() + (long) Math.floor(span * settings.lighterShare());
		long heavierFrom = range.min() + (long) Math.ceil(span * settings.heavierShare());
		Band band;
		long bandMin;
		long bandMax;
		if (!aggravating.isEmpty() && mitigating.isEmpty()) {
			band = Band.HEAVIER;
			bandMin = heavierFrom;
			bandMax = range.max();
			reasons.add("从重处罚情节：" + labels(aggravating) + "，在从重档确定");
		}
		else if (aggravating.isEmpty() && !mitigating.isEmpty()) {
			band = Band.LIGHTER;
			bandMin = range.min();
			bandMax = lighterTop;
			reasons.add("从轻处罚情节：" + labels(mitigating) + "，在法定幅度中档以下确定且不低于法定下限（办法第56条）");
		}
		else {
			band = Band.USUAL;
			bandMin = lighterTop;
			bandMax = heavierFrom;
			reasons.add(aggravating.isEmpty() ? "无从重、从轻处罚情节，在一般档确定"
					: "从重情节（" + labels(aggravating) + "）与从轻情节（" + labels(mitigating) + "）并存，在一般档确定");
		}
		reasons.add(band.label() + "档为" + Yuan.of(bandMin) + "至" + Yuan.of(bandMax) + "（本机关设定：从轻档为法定幅度的前"
				+ percent(settings.lighterShare()) + "，从重档为" + percent(settings.heavierShare()) + "以上）");

		double position = 0;
		for (Dimension dimension : Dimension.values()) {
			DiscretionFactor fact = dimensions.get(dimension);
			double score = fact == null ? 0.5 : fact.kind() == Kind.LIGHTER ? 0 : 1;
			position += score;
			reasons.add(dimension.label() + "：" + (fact == null ? "一般" : fact.label()));
		}
		position /= Dimension.values().length;
		long amount = bandMin + Math.round((bandMax - bandMin) * position / settings.roundTo()) * settings.roundTo();
		amount = Math.max(bandMin, Math.min(bandMax, amount));
		if (aggravating.isEmpty() && amount >= range.max()) {
			amount = Math.max(bandMin, range.max() - settings.roundTo());
		}
		reasons.add("综合上述情形，建议罚款" + Yuan.of(amount));
		boolean hearing = amount >= settings.hearingThreshold(entry.party());
		if (hearing) {
			reasons.add("达到较大数额罚款（" + entry.party().label() + Yuan.of(settings.hearingThreshold(entry.party()))
					+ "以上，本机关设定）：应告知听证权利，经法制审核和集体讨论决定");
		}
		return new Discretion(entry, range.min(), range.max(), band, bandMin, bandMax, amount, List.copyOf(reasons), false,
				hearing);
	}

	/** A typed amount: refused outside the statutory range, naming the range and the article. */
	public static Allowance amount(CatalogueEntry entry, StatutoryRange range, long amount) {
		if (amount < range.min() || amount > range.max()) {
			return Allowance.refused("罚款" + Yuan.of(amount) + "超出" + entry.citation() + "规定的幅度（" + range.text() + "）");
		}
		return Allowance.granted();
	}

	/** A typed amount outside the proposed band needs a written reason and a legal review. */
	public static Allowance withinBand(Discretion proposal, long amount) {
		if (amount < proposal.bandMin() || amount > proposal.bandMax()) {
			return Allowance.refused("罚款" + Yuan.of(amount) + "不在建议的" + proposal.band().label() + "档（"
					+ Yuan.range(proposal.bandMin(), proposal.bandMax()) + "）内：须书面说明理由并经法制审核");
		}
		return Allowance.granted();
	}

	private static Map<Dimension, DiscretionFactor> dimensions(Set<DiscretionFactor> factors) {
		Map<Dimension, DiscretionFactor> dimensions = new EnumMap<>(Dimension.class);
		for (DiscretionFactor factor : factors) {
			if (factor.dimension() == null) {
				continue;
			}
			DiscretionFactor other = dimensions.put(factor.dimension(), factor);
			if (other != null) {
				throw new InvalidInputException("factors", factor.dimension().label() + "只能选择一项：" + other.label()
						+ "与" + factor.label() + "矛盾");
			}
		}
		return dimensions;
	}

	private static Set<DiscretionFactor> only(Set<DiscretionFactor> factors, Kind kind) {
		return factors.stream().filter(f -> f.kind() == kind).collect(Collectors.toCollection(() -> EnumSet.noneOf(DiscretionFactor.class)));
	}

	private static String labels(Set<DiscretionFactor> factors) {
		return factors.stream().map(DiscretionFactor::label).collect(Collectors.joining("；"));
	}

	private static String percent(double share) {
		return Math.round(share * 100) + "%";
	}
}
