package org.anjian.organization;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The city's places; public reference data, visible to every caller. */
public interface Jurisdictions extends Repository<Jurisdiction, String> {

	Optional<Jurisdiction> findById(String code);

	/** Every place: the city, its districts, their streets and towns, in code order. */
	@Query("select * from jurisdiction order by code")
	List<Jurisdiction> everyPlace();

	@Query("select * from jurisdiction where level = 'DISTRICT' order by code")
	List<Jurisdiction> districts();

	/** Every street and town of the city (215 in Shanghai). */
	@Query("select * from jurisdiction where level = 'STREET' order by code")
	List<Jurisdiction> streets();

	@Query("select * from jurisdiction where parent_code = :district order by code")
	List<Jurisdiction> streetsOf(@Param("district") String districtCode);

	/** The places with these codes, for naming many at once (a list of bodies or accounts) in one query. */
	@Query("select * from jurisdiction where code in (:codes) order by code")
	List<Jurisdiction> findAllByCodes(@Param("codes") Collection<String> codes);

	@Query("select count(*) from jurisdiction where level = :level")
	long countByLevel(@Param("level") String level);

	/** The names of some places by their codes, in one query; a code not found is left out. */
	default Map<String, String> namesOf(Collection<String> codes) {
		if (codes.isEmpty()) {
			return Map.of();
		}
		return findAllByCodes(Set.copyOf(codes)).stream()
			.collect(Collectors.toMap(Jurisdiction::code, Jurisdiction::name, (a, b) -> a));
	}
}
