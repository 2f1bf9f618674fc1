package org.anjian.organization.internal;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.anjian.organization.Jurisdiction;
import org.anjian.organization.Jurisdictions;
import org.anjian.shared.JurisdictionLevel;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * The city's places, read once and kept: the 232 division codes of Shanghai are written by a migration only (V3)
 * and never by the application, and they are not row-secured. Every page with a place filter or a place name asked
 * the database for them — the enterprise list up to three times per request ({@code bench web}). Injected wherever
 * {@link Jurisdictions} is; the repository underneath reads them the first time.
 */
@Primary
@Component
class KeptJurisdictions implements Jurisdictions {

	private final Jurisdictions repository;

	/** Every place by its code, in code order; read on first use. */
	private volatile Map<String, Jurisdiction> all;

	KeptJurisdictions(@Qualifier("jurisdictions") Jurisdictions repository) {
		this.repository = repository;
	}

	private Map<String, Jurisdiction> all() {
		Map<String, Jurisdiction> kept = all;
		if (kept == null) {
			kept = repository.everyPlace().stream().sorted(Comparator.comparing(Jurisdiction::code))
				.collect(Collectors.toMap(Jurisdiction::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
			all = kept;
		}
		return kept;
	}

	private List<Jurisdiction> where(Predicate<Jurisdiction> condition) {
		return all().values().stream().filter(condition).toList();
	}

	@Override
	public Optional<Jurisdiction> findById(String code) {
		return Optional.ofNullable(code == null ? null : all().get(code));
	}

	@Override
	public List<Jurisdiction> everyPlace() {
		return List.copyOf(all().values());
	}

	@Override
	public List<Jurisdiction> districts() {
		return where(j -> j.level() == JurisdictionLevel.DISTRICT);
	}

	@Override
	public List<Jurisdiction> streets() {
		return where(j -> j.level() == JurisdictionLevel.STREET);
	}

	@Override
	public List<Jurisdiction> streetsOf(String districtCode) {
		return where(j -> districtCode != null && districtCode.equals(j.parentCode()));
	}

	@Override
	public List<Jurisdiction> findAllByCodes(Collection<String> codes) {
		Set<String> wanted = new HashSet<>(codes);
		return where(j -> wanted.contains(j.code()));
	}

	@Override
	public long countByLevel(String level) {
		return where(j -> j.level().name().equals(level)).size();
	}
}
