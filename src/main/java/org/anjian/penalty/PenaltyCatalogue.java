package org.anjian.penalty;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.anjian.penalty.internal.AccidentFineBands;
import org.anjian.penalty.internal.CatalogueStore;
import org.anjian.shared.InvalidInputException;
import org.anjian.shared.NotFoundException;
import org.springframework.stereotype.Service;

/**
 * The catalogue of violations with their statutory fines, and the discretion benchmark applied to one of them. The
 * entries are data the administrators keep, in revisions (loaded at first start from the reference files in
 * {@code db/reference/penalty/}); every answer comes from the current revision, and an entry id once used stays in
 * every later revision, so a case keeps the id it was filed with. The benchmark's own numbers are the body's
 * {@link DiscretionSettings}.
 */
@Service
public class PenaltyCatalogue {

	private final CatalogueStore store;
	private final AccidentFineBands accidents;
	private final DiscretionSettings settings;

	PenaltyCatalogue(DiscretionSettings settings, CatalogueStore store) {
		this.store = store;
		this.accidents = AccidentFineBands.read("/db/reference/penalty/accident_fine_bands.csv");
		this.settings = settings;
	}

	/** The current revision's entries, in the law's order. */
	public List<CatalogueEntry> entries() {
		return store.current().entries();
	}

	/** The current revision's entries by id, read once: for a list of cases, instead of one look-up a case. */
	public java.util.Map<String, CatalogueEntry> entriesById() {
		java.util.Map<String, CatalogueEntry> byId = new java.util.HashMap<>();
		store.current().rows().forEach((id, row) -> byId.put(id, row.entry()));
		return byId;
	}

	public CatalogueEntry entry(String id) {
		CatalogueStore.Row row = id == null ? null : store.current().rows().get(id);
		if (row == null) {
			throw new NotFoundException("裁量目录中没有条目 " + id);
		}
		return row.entry();
	}

	/**
	 * The entry as it read in an earlier revision of the catalogue (a case filed then may show the range it was filed
	 * under); not found where the entry did not exist yet or the revision does not.
	 */
	public CatalogueEntry entry(String id, int revision) {
		CatalogueStore.Row row = id == null ? null : store.snapshot(revision).rows().get(id);
		if (row == null) {
			throw new NotFoundException("裁量目录第 " + revision + " 版中没有条目 " + id);
		}
		return row.entry();
	}

	/** The number of the current revision. */
	public int revision() {
		return store.current().revision().revision();
	}

	/** The entries a failed checklist item suggests (none where no one linked it), in the law's order. */
	public List<CatalogueEntry> entriesFor(long checklistItemId) {
		Set<String> linked = Set.copyOf(store.entriesLinkedTo(checklistItemId));
		return entries().stream().filter(e -> linked.contains(e.id())).toList();
	}

	/**
	 * The exempt-list row (免罚清单, 自查自报不罚) in force for an entry, with its conditions and source; empty where the
	 * entry is not on the list. Whether the row applies to a case is {@link Exemption#appliesWhen}.
	 */
	public Optional<Exemption> exemption(String entryId) {
		return entryId == null ? Optional.empty() : store.exemptionInForce(entryId);
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
