package org.anjian.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The enforcement bodies the caller may see: those in their scope and those above it. */
public interface EnforcementBodies extends ListCrudRepository<EnforcementBody, Long> {

	Optional<EnforcementBody> findByJurisdictionCode(String jurisdictionCode);

	@Query("select * from enforcement_body order by level, district_code nulls first, street_code nulls first")
	List<EnforcementBody> findAllOrdered();

	@Query("select * from enforcement_body where (:level is null or level = :level)"
			+ " and (:district is null or district_code = :district)"
			+ " order by level, district_code nulls first, street_code nulls first")
	List<EnforcementBody> search(@Param("level") String level, @Param("district") String districtCode);
}
