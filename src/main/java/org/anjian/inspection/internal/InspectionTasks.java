package org.anjian.inspection.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.anjian.inspection.InspectionTask;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The inspection tasks the caller's jurisdiction reaches. */
public interface InspectionTasks extends ListCrudRepository<InspectionTask, Long> {

	@Query("select * from inspection_task where plan_item_id = :item")
	Optional<InspectionTask> findByPlanItem(@Param("item") long planItemId);

	@Query("""
			select * from inspection_task where uscc = :uscc and origin = 'PLAN'
			and status not in ('FINISHED', 'CANCELLED') and planned_on between :from and :until
			order by planned_on, id limit 1""")
	Optional<InspectionTask> findPlannedBetween(@Param("uscc") String uscc, @Param("from") LocalDate from,
			@Param("until") LocalDate until);

	@Query("""
			select * from inspection_task where (:status is null or status = :status)
			order by planned_on nulls last, id desc limit 500""")
	List<InspectionTask> search(@Param("status") String status);
}
