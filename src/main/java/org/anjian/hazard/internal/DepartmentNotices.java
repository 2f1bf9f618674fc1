package org.anjian.hazard.internal;

import java.util.List;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The notices to other departments (抄告) the caller's jurisdiction reaches. */
public interface DepartmentNotices extends ListCrudRepository<DepartmentNotice, Long> {

	@Query("select * from department_notice where hazard_id = :hazard order by id desc")
	List<DepartmentNotice> findByHazard(@Param("hazard") long hazardId);
}
