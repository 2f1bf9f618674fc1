package org.anjian.penalty.internal;

import java.util.List;

import org.anjian.penalty.PenaltyCase;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The penalty cases the caller's jurisdiction reaches (row security scopes every query). */
public interface PenaltyCases extends ListCrudRepository<PenaltyCase, Long> {

	@Query("select * from penalty_case where uscc = :uscc order by id desc limit 200")
	List<PenaltyCase> findByUscc(String uscc);
}
