package org.anjian.organization;

import java.util.List;

import org.anjian.shared.ResultPage;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The experts the caller may see. */
public interface Experts extends ListCrudRepository<Expert, Long> {

	@Query("""
			select * from expert
			where (:body is null or body_id = :body)
			  and (:q is null or name like '%' || :q || '%' or field like '%' || :q || '%' or organisation like '%' || :q || '%')
			order by district_code nulls first, street_code nulls first, name
			limit 500
			""")
	List<Expert> search(@Param("body") Long bodyId, @Param("q") String text);

	/** A page of {@link #search}, counted up to its cap (the experts page). */
	default ResultPage<Expert> search(Long bodyId, String text, Integer page) {
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE, limit -> countUpTo(bodyId, text, limit),
				(limit, offset) -> search(bodyId, text, limit, offset));
	}

	@Query("""
			select * from expert
			where (:body is null or body_id = :body)
			  and (:q is null or name like '%' || :q || '%' or field like '%' || :q || '%' or organisation like '%' || :q || '%')
			order by district_code nulls first, street_code nulls first, name, id
			limit :limit offset :offset
			""")
	List<Expert> search(@Param("body") Long bodyId, @Param("q") String text, @Param("limit") int limit,
			@Param("offset") long offset);

	@Query("""
			select count(*) from (select 1 from expert
			  where (:body is null or body_id = :body)
			    and (:q is null or name like '%' || :q || '%' or field like '%' || :q || '%' or organisation like '%' || :q || '%')
			  limit :limit) t
			""")
	long countUpTo(@Param("body") Long bodyId, @Param("q") String text, @Param("limit") long limit);
}
