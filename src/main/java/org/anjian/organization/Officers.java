package org.anjian.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The officers the caller may see (their own jurisdiction and the bodies above it). */
public interface Officers extends ListCrudRepository<Officer, Long> {

	boolean existsByBadgeNumber(String badgeNumber);

	Optional<Officer> findByBadgeNumber(String badgeNumber);

	@Query("""
			select * from officer
			where (:body is null or body_id = :body)
			  and (:active is null or active = :active)
			  and (:q is null or name like '%' || :q || '%' or badge_number like '%' || :q || '%')
			order by district_code nulls first, street_code nulls first, name
			limit 500
			""")
	List<Officer> search(@Param("body") Long bodyId, @Param("active") Boolean active, @Param("q") String text);

	@Query("select count(*) from officer where active")
	long countActive();
}
