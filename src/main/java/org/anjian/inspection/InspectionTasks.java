package org.anjian.inspection;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The inspection tasks the caller's jurisdiction reaches. */
interface InspectionTasks extends ListCrudRepository<InspectionTask, Long> {

	@Query("select * from inspection_task where plan_item_id = :item")
	Optional<InspectionTask> findByPlanItem(@Param("item") long planItemId);

	@Query("""
			select * from inspection_task where (:status is null or status = :status)
			order by planned_on nulls last, id desc limit 500""")
	List<InspectionTask> search(@Param("status") String status);
}
