package org.anjian.organization;

import java.util.List;
import java.util.Optional;

import org.anjian.shared.ResultPage;

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

	/** A page of {@link #search}, counted up to its cap (the officers page). */
	default ResultPage<Officer> search(Long bodyId, Boolean active, String text, Integer page) {
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE, limit -> countUpTo(bodyId, active, text, limit),
				(limit, offset) -> search(bodyId, active, text, limit, offset));
	}

	@Query("""
			select * from officer
			where (:body is null or body_id = :body)
			  and (:active is null or active = :active)
			  and (:q is null or name like '%' || :q || '%' or badge_number like '%' || :q || '%')
			order by district_code nulls first, street_code nulls first, name, id
			limit :limit offset :offset
			""")
	List<Officer> search(@Param("body") Long bodyId, @Param("active") Boolean active, @Param("q") String text,
			@Param("limit") int limit, @Param("offset") long offset);

	@Query("""
			select count(*) from (select 1 from officer
			  where (:body is null or body_id = :body)
			    and (:active is null or active = :active)
			    and (:q is null or name like '%' || :q || '%' or badge_number like '%' || :q || '%')
			  limit :limit) t
			""")
	long countUpTo(@Param("body") Long bodyId, @Param("active") Boolean active, @Param("q") String text,
			@Param("limit") long limit);

	@Query("select count(*) from officer where active")
	long countActive();
}
