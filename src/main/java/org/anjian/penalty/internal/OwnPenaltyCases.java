package org.anjian.penalty.internal;

import java.util.List;

import org.anjian.penalty.PenaltyCase;
import org.anjian.shared.ResultPage;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.Repository;

/**
 * An enterprise's own penalty cases, as its user reads them: row security lets it read its cases from the notice
 * (告知) on, and every query names its credit code too, so that the index on {@code (uscc, id)} serves it.
 */
public interface OwnPenaltyCases extends Repository<PenaltyCase, Long> {

	/** The enterprise's cases, newest first, a page at a time, counted up to the cap. */
	default ResultPage<PenaltyCase> newestFirst(String uscc, Integer page) {
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE, limit -> countUpTo(uscc, limit),
				(limit, offset) -> newestFirst(uscc, limit, offset));
	}

	@Query("select * from penalty_case where uscc = :uscc order by id desc limit :limit offset :offset")
	List<PenaltyCase> newestFirst(String uscc, int limit, long offset);

	@Query("select count(*) from (select 1 from penalty_case where uscc = :uscc limit :limit) t")
	long countUpTo(String uscc, long limit);

	/**
	 * The cases that wait on the enterprise: told and not yet answered (陈述申辩), or delivered and not yet paid; the
	 * deadlines are the case's own to compute.
	 */
	@Query("""
			select * from penalty_case where uscc = :uscc
			and (status in ('NOTIFIED', 'HEARING') and defence is null and not defence_waived or status = 'DELIVERED')
			order by id limit 200""")
	List<PenaltyCase> waitingOn(String uscc);
}
