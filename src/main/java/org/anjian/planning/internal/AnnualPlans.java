package org.anjian.planning.internal;

import java.util.List;

import org.anjian.planning.AnnualPlan;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The annual plans the caller's jurisdiction reaches. */
public interface AnnualPlans extends ListCrudRepository<AnnualPlan, Long> {

	@Query("select * from annual_plan where (:year is null or year = :year) order by year desc, body_id")
	List<AnnualPlan> search(@Param("year") Integer year);

	@Query("select * from annual_plan where body_id = :body and year = :year")
	java.util.Optional<AnnualPlan> findByBodyAndYear(@Param("body") long bodyId, @Param("year") int year);
}
