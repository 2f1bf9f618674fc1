package org.anjian.organization;

import java.util.List;
import java.util.Optional;

import org.anjian.shared.ResultPage;

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

	/** A page of {@link #search}, counted up to its cap (the bodies page). */
	default ResultPage<EnforcementBody> search(String level, String districtCode, Integer page) {
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE, limit -> countUpTo(level, districtCode, limit),
				(limit, offset) -> search(level, districtCode, limit, offset));
	}

	@Query("select * from enforcement_body where (:level is null or level = :level)"
			+ " and (:district is null or district_code = :district)"
			+ " order by level, district_code nulls first, street_code nulls first, id limit :limit offset :offset")
	List<EnforcementBody> search(@Param("level") String level, @Param("district") String districtCode,
			@Param("limit") int limit, @Param("offset") long offset);

	@Query("select count(*) from (select 1 from enforcement_body where (:level is null or level = :level)"
			+ " and (:district is null or district_code = :district) limit :limit) t")
	long countUpTo(@Param("level") String level, @Param("district") String districtCode, @Param("limit") long limit);
}
