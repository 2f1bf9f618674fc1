package org.anjian.penalty.internal;

import java.util.List;

import org.anjian.penalty.PenaltyCase;
import org.anjian.shared.ResultPage;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The penalty cases the caller's jurisdiction reaches (row security scopes every query). */
public interface PenaltyCases extends ListCrudRepository<PenaltyCase, Long> {

	@Query("select * from penalty_case where uscc = :uscc order by id desc limit 200")
	List<PenaltyCase> findByUscc(String uscc);

	/** The cases the caller reaches, newest first, a page at a time, counted up to the cap. */
	default ResultPage<PenaltyCase> newestFirst(Integer page) {
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE, this::countUpTo, this::newestFirst);
	}

	@Query("select * from penalty_case order by id desc limit :limit offset :offset")
	List<PenaltyCase> newestFirst(int limit, long offset);

	@Query("select count(*) from (select 1 from penalty_case limit :limit) t")
	long countUpTo(long limit);

	/** The cases in the given states the caller reaches, newest first, a page at a time. */
	default ResultPage<PenaltyCase> inStates(List<String> states, Integer page) {
		String[] codes = states.toArray(String[]::new);
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE, limit -> countInStates(codes, limit),
				(limit, offset) -> inStates(codes, limit, offset));
	}

	@Query("select * from penalty_case where status = any(:states) order by id desc limit :limit offset :offset")
	List<PenaltyCase> inStates(String[] states, int limit, long offset);

	@Query("select count(*) from (select 1 from penalty_case where status = any(:states) limit :limit) t")
	long countInStates(String[] states, long limit);
}
