package org.anjian.organization;

import java.util.List;

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
}
