package org.anjian.penalty;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.anjian.penalty.internal.AccidentFineBands;
import org.anjian.penalty.internal.CatalogueReader;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The catalogue of violations with their statutory fines, and the discretion benchmark applied to one of them. The
 * entries are reference data the project keeps beside the code ({@code db/reference/penalty/}, copied from the
 * verified reference files); the benchmark's own numbers are the body's {@link DiscretionSettings}.
 */
@Service
public class PenaltyCatalogue {

	private final Map<String, CatalogueEntry> entries = new LinkedHashMap<>();
	private final AccidentFineBands accidents;
	private final DiscretionSettings settings;

	PenaltyCatalogue(DiscretionSettings settings) {
		CatalogueReader.read("/db/reference/penalty/work_safety_law_2021_penalties.json")
			.forEach(entry -> entries.put(entry.id(), entry));
		this.accidents = AccidentFineBands.read("/db/reference/penalty/accident_fine_bands.csv");
		this.settings = settings;
	}

	public List<CatalogueEntry> entries() {
		return List.copyOf(entries.values());
	}

	public CatalogueEntry entry(String id) {
		CatalogueEntry entry = id == null ? null : entries.get(id);
		if (entry == null) {
			throw new NotFoundException("裁量目录中没有条目 " + id);
		}
		return entry;
	}

	/** For an accident fine, the accident fine rules' consequence bands of its level (band, min, max in yuan). */
	public List<long[]> accidentBands(CatalogueEntry entry) {
		return entry.accidentLevel() == null ? List.of() : accidents.bands(entry.accidentLevel());
	}

	public DiscretionSettings settings() {
		return settings;
	}

	/**
	 * The range the law allows for this entry: its statutory range, or for an accident fine the consequence band of
	 * the accident fine rules (the accident must be of the entry's level).
	 */
	public StatutoryRange range(CatalogueEntry entry, Accident accident) {
		if (entry.tier() != Tier.ACCIDENT || entry.accidentLevel() == null) {
			return StatutoryRange.of(entry);
		}
		if (accident == null) {
			throw new InvalidInputException("accident", "事故罚款须填写事故的死亡、重伤人数和直接经济损失");
		}
		if (accidents.level(accident) != entry.accidentLevel()) {
			throw new InvalidInputException("accident", "按死亡、重伤人数和直接经济损失，该事故为"
					+ accidents.level(accident).label() + "，不适用" + entry.accidentLevel().label() + "的罚款条目");
		}
		return accidents.range(accident);
	}

	/** The benchmark's proposal for the entry and the facts given by their codes. */
	public Discretion propose(String entryId, List<String> factorCodes, Accident accident) {
		CatalogueEntry entry = entry(entryId);
		return DiscretionPolicy.propose(entry, range(entry, accident), factors(factorCodes), settings);
	}

	/** The factors named by codes; an unknown code is bad input naming it. */
	public static Set<DiscretionFactor> factors(List<String> codes) {
		Set<DiscretionFactor> factors = EnumSet.noneOf(DiscretionFactor.class);
		List<String> unknown = new ArrayList<>();
		for (String code : codes == null ? List.<String>of() : codes) {
			DiscretionFactor.of(code).ifPresentOrElse(factors::add, () -> unknown.add(code));
		}
		if (!unknown.isEmpty()) {
			throw new InvalidInputException("factors", "未知的裁量因素代码：" + String.join("、", unknown.stream()
				.map(c -> c == null ? "null" : c.length() > 40 ? c.substring(0, 40) + "…" : c).toList()));
		}
		return factors;
	}
}
