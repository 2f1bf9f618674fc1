package org.anjian.hazard;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The hazards the caller's jurisdiction reaches. */
public interface Hazards extends ListCrudRepository<Hazard, Long> {

	@Query("select * from hazard where uscc = :uscc order by found_at desc, id desc")
	List<Hazard> findByEnterprise(@Param("uscc") String uscc);

	@Query("select * from hazard where task_id = :task order by id")
	List<Hazard> findByTask(@Param("task") long taskId);
}
