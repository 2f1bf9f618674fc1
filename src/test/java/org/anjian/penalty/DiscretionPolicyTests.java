package org.anjian.penalty;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.anjian.grading.AccidentLevel;
import org.anjian.penalty.DiscretionFactor.Dimension;
import org.anjian.penalty.DiscretionFactor.Kind;
import org.anjian.penalty.internal.AccidentFineBands;
import org.anjian.penalty.internal.CatalogueReader;
import org.anjian.shared.Allowance;
import org.anjian.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 15, acceptance: "for every entry and every combination of discretion factors, the proposed amount lies inside
 * the statutory range and inside its band; from-light never above the middle; no maximum without aggravating facts;
 * a typed amount outside the statutory range is refused with a Chinese error naming the range and the article."
 */
class DiscretionPolicyTests {

	private static final List<CatalogueEntry> CATALOGUE = CatalogueReader
		.read("/db/reference/penalty/work_safety_law_2021_penalties.json");

	private static final AccidentFineBands ACCIDENTS = AccidentFineBands
		.read("/db/reference/penalty/accident_fine_bands.csv");

	private static final DiscretionSettings SETTINGS = DiscretionSettings.DEFAULTS;

	@Test
	void theCatalogueHoldsTheLawsFinesAsRanges() {
		assertThat(CATALOGUE).hasSizeGreaterThan(30);
		assertThat(CATALOGUE).extracting(CatalogueEntry::id).doesNotHaveDuplicates();
		CatalogueEntry overdue = entry("SL97-overdue-unit");
		assertThat(overdue.minYuan()).isEqualTo(100_000);
		assertThat(overdue.maxYuan()).isEqualTo(200_000);
		assertThat(overdue.tier()).isEqualTo(Tier.OVERDUE);
		assertThat(overdue.citation()).isEqualTo("《安全生产法》第97条");
		assertThat(entry("SL97-initial-unit").rangeText()).isEqualTo("10万元以下");
		assertThat(entry("SL103-para2-responsible-persons").paragraph()).isEqualTo(2);
		assertThat(entry("SL103-para2-responsible-persons").party()).isEqualTo(Party.RESPONSIBLE_PERSON);
		assertThat(entry("SL114-accident-major").accidentLevel()).isEqualTo(AccidentLevel.MAJOR);
		assertThat(CATALOGUE).filteredOn(e -> e.tier() == Tier.REFUSED).isNotEmpty();
	}

	/** Every entry × every combination of the six dimensions × every set of aggravating and of mitigating circumstances. */
	@Test
	void everyProposalLiesInsideTheLawAndItsBandAndReachesTheMaximumOnlyWithAggravatingFacts() {
		assertThat(everyProposalHolds(CATALOGUE)).isGreaterThan(CATALOGUE.size() * 729L * 256);
	}

	/**
	 * The property over a catalogue: every entry × every combination of factors proposes inside the law and its band,
	 * from-light never above the middle, no maximum without aggravating facts. Also run over the catalogue as the
	 * administrators revised it ({@code PenaltyCatalogueTests}). Answers how many proposals it checked.
	 */
	static long everyProposalHolds(List<CatalogueEntry> catalogue) {
		List<Set<DiscretionFactor>> dimensionCombinations = dimensionCombinations();
		List<Set<DiscretionFactor>> aggravating = subsets(DiscretionFactor.of(Kind.AGGRAVATING));
		List<Set<DiscretionFactor>> mitigating = subsets(DiscretionFactor.of(Kind.MITIGATING));
		long checked = 0;
		for (CatalogueEntry entry : catalogue) {
			for (StatutoryRange range : ranges(entry)) {
				double middle = (range.min() + range.max()) / 2.0;
				for (Set<DiscretionFactor> agg : aggravating) {
					for (Set<DiscretionFactor> mit : mitigating) {
						for (Set<DiscretionFactor> dims : dimensionCombinations) {
							Set<DiscretionFactor> factors = EnumSet.noneOf(DiscretionFactor.class);
							factors.addAll(agg);
							factors.addAll(mit);
							factors.addAll(dims);
							Discretion d = DiscretionPolicy.propose(entry, range, factors, SETTINGS);
							checked++;
							if (d.proposed() < range.min() || d.proposed() > range.max() || d.proposed() < d.bandMin()
									|| d.proposed() > d.bandMax() || d.bandMin() < range.min() || d.bandMax() > range.max()
									|| d.noPenalty()) {
								throw new AssertionError(entry.id() + " " + factors + " → " + d);
							}
							if (d.band() == Band.LIGHTER && d.bandMax() > middle) {
								throw new AssertionError("从轻 above the middle: " + entry.id() + " " + d);
							}
							if (agg.isEmpty() && d.proposed() >= range.max()) {
								throw new AssertionError("maximum without aggravating facts: " + entry.id() + " " + factors);
							}
							Band expected = !agg.isEmpty() && mit.isEmpty() ? Band.HEAVIER
									: agg.isEmpty() && !mit.isEmpty() ? Band.LIGHTER : Band.USUAL;
							if (d.band() != expected) {
								throw new AssertionError(entry.id() + " " + factors + " band " + d.band());
							}
						}
					}
				}
			}
		}
		return checked;
	}

	@Test
	void theMaximumIsProposedWhenAggravatingFactsAndEveryDimensionAreSerious() {
		CatalogueEntry entry = entry("SL97-overdue-unit");
		Set<DiscretionFactor> worst = EnumSet.of(DiscretionFactor.AGG_CONTINUING);
		DiscretionFactor.of(Kind.SERIOUS).forEach(worst::add);
		Discretion d = DiscretionPolicy.propose(entry, StatutoryRange.of(entry), worst, SETTINGS);
		assertThat(d.band()).isEqualTo(Band.HEAVIER);
		assertThat(d.proposed()).isEqualTo(200_000);
		Discretion usual = DiscretionPolicy.propose(entry, StatutoryRange.of(entry), Set.of(), SETTINGS);
		assertThat(usual.band()).isEqualTo(Band.USUAL);
		assertThat(usual.bandMin()).isEqualTo(130_000);
		assertThat(usual.bandMax()).isEqualTo(170_000);
		assertThat(usual.proposed()).isEqualTo(150_000);
		assertThat(usual.reasons()).anyMatch(r -> r.contains("本机关设定"));
	}

	/** 行政处罚法第33条: the no-penalty grounds are considered first and no fine is proposed when one holds. */
	@Test
	void anyNoPenaltyGroundComesFirstAndProposesNoFine() {
		for (CatalogueEntry entry : CATALOGUE) {
			for (DiscretionFactor ground : DiscretionFactor.of(Kind.NO_PENALTY)) {
				Set<DiscretionFactor> factors = EnumSet.of(ground, DiscretionFactor.AGG_OBSTRUCTING,
						DiscretionFactor.HARM_SERIOUS);
				Discretion d = DiscretionPolicy.propose(entry, ranges(entry).get(0), factors, SETTINGS);
				assertThat(d.noPenalty()).as(entry.id() + " " + ground).isTrue();
				assertThat(d.proposed()).isZero();
				assertThat(d.band()).isEqualTo(Band.NONE);
				assertThat(d.hearingRequired()).isFalse();
				assertThat(d.reasons()).anyMatch(r -> r.contains("先行审查不予处罚情形") && r.contains("教育"));
			}
		}
	}

	@Test
	void aTypedAmountOutsideTheStatutoryRangeIsRefusedNamingTheRangeAndTheArticle() {
		CatalogueEntry entry = entry("SL97-overdue-unit");
		Allowance tooHigh = DiscretionPolicy.amount(entry, StatutoryRange.of(entry), 250_000);
		assertThat(tooHigh.refused()).isTrue();
		assertThat(tooHigh.reason()).contains("《安全生产法》第97条").contains("10万元以上20万元以下").contains("25万元");
		assertThat(DiscretionPolicy.amount(entry, StatutoryRange.of(entry), 99_999).refused()).isTrue();
		assertThat(DiscretionPolicy.amount(entry, StatutoryRange.of(entry), 100_000).allowed()).isTrue();
		Discretion usual = DiscretionPolicy.propose(entry, StatutoryRange.of(entry), Set.of(), SETTINGS);
		assertThat(DiscretionPolicy.withinBand(usual, 190_000).reason()).contains("书面说明理由").contains("法制审核");
		assertThat(DiscretionPolicy.withinBand(usual, 150_000).allowed()).isTrue();
	}

	@Test
	void hearingIsRequiredFromTheLargerAmountsOfTheParty() {
		CatalogueEntry unit = entry("SL97-overdue-unit");
		assertThat(DiscretionPolicy.propose(unit, StatutoryRange.of(unit), Set.of(), SETTINGS).hearingRequired()).isTrue();
		CatalogueEntry small = entry("SL99-initial-unit");
		Discretion light = DiscretionPolicy.propose(small, StatutoryRange.of(small), Set.of(DiscretionFactor.MIT_CONFESSED),
				SETTINGS);
		assertThat(light.proposed()).isLessThan(50_000);
		assertThat(light.hearingRequired()).isFalse();
	}

	@Test
	void twoFactsOfOneDimensionContradictEachOther() {
		CatalogueEntry entry = entry("SL97-overdue-unit");
		assertThatThrownBy(() -> DiscretionPolicy.propose(entry, StatutoryRange.of(entry),
				Set.of(DiscretionFactor.HARM_NONE, DiscretionFactor.HARM_SERIOUS), SETTINGS))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("危害后果和社会影响只能选择一项");
	}

	/** 生产安全事故罚款处罚规定 arts. 14–17: the band is the heaviest any consequence reaches. */
	@Test
	void anAccidentsFineFollowsItsHeaviestConsequence() {
		assertThat(ACCIDENTS.level(new Accident(0, 2, 1_000_000))).isEqualTo(AccidentLevel.GENERAL);
		StatutoryRange oneDeath = ACCIDENTS.range(new Accident(1, 0, 0));
		assertThat(oneDeath.min()).isEqualTo(500_000);
		assertThat(oneDeath.max()).isEqualTo(700_000);
		StatutoryRange fiveDeaths = ACCIDENTS.range(new Accident(5, 0, 0));
		assertThat(ACCIDENTS.level(new Accident(5, 0, 0))).isEqualTo(AccidentLevel.LARGER);
		assertThat(fiveDeaths.min()).isEqualTo(1_200_000);
		assertThat(ACCIDENTS.range(new Accident(0, 0, 60_000_000)).min()).isEqualTo(4_000_000);
		assertThat(ACCIDENTS.level(new Accident(2, 100, 0))).isEqualTo(AccidentLevel.ESPECIALLY_MAJOR);
		assertThat(ACCIDENTS.range(new Accident(60, 0, 0)).max()).isEqualTo(20_000_000);
	}

	private static List<StatutoryRange> ranges(CatalogueEntry entry) {
		if (entry.tier() != Tier.ACCIDENT || entry.accidentLevel() == null) {
			return List.of(StatutoryRange.of(entry));
		}
		List<StatutoryRange> ranges = new ArrayList<>();
		for (long[] band : ACCIDENTS.bands(entry.accidentLevel())) {
			ranges.add(new StatutoryRange(band[1], band[2], "band " + band[0]));
		}
		return ranges;
	}

	private static CatalogueEntry entry(String id) {
		return CATALOGUE.stream().filter(e -> e.id().equals(id)).findFirst()
			.orElseThrow(() -> new AssertionError("no entry " + id + " in " + CATALOGUE.stream().map(CatalogueEntry::id).toList()));
	}

	/** 3^6 combinations: each dimension lighter, usual (nothing ticked) or more serious. */
	private static List<Set<DiscretionFactor>> dimensionCombinations() {
		List<Set<DiscretionFactor>> combinations = new ArrayList<>();
		combinations.add(EnumSet.noneOf(DiscretionFactor.class));
		for (Dimension dimension : Dimension.values()) {
			List<Set<DiscretionFactor>> next = new ArrayList<>();
			for (Set<DiscretionFactor> partial : combinations) {
				next.add(partial);
				for (DiscretionFactor factor : DiscretionFactor.values()) {
					if (factor.dimension() == dimension) {
						Set<DiscretionFactor> with = EnumSet.copyOf(partial.isEmpty() ? EnumSet.of(factor) : partial);
						with.add(factor);
						next.add(with);
					}
				}
			}
			combinations = next;
		}
		return combinations;
	}

	private static List<Set<DiscretionFactor>> subsets(List<DiscretionFactor> factors) {
		List<Set<DiscretionFactor>> subsets = new ArrayList<>();
		for (int mask = 0; mask < 1 << factors.size(); mask++) {
			Set<DiscretionFactor> subset = EnumSet.noneOf(DiscretionFactor.class);
			for (int i = 0; i < factors.size(); i++) {
				if ((mask & 1 << i) != 0) {
					subset.add(factors.get(i));
				}
			}
			subsets.add(subset);
		}
		return subsets;
	}
}
