package org.anjian.penalty.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.anjian.shared.ResultPage;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The draws for case-file review the caller's jurisdiction reaches. */
public interface CaseFileDraws extends ListCrudRepository<CaseFileDraw, Long> {

	/** A draw of the body whose period overlaps the one given, if any. */
	@Query("""
			select * from case_file_draw where body_id = :bodyId and period_from <= :to and period_to >= :from
			order by period_from limit 1""")
	Optional<CaseFileDraw> overlapping(long bodyId, LocalDate from, LocalDate to);

	default ResultPage<CaseFileDraw> newestFirst(Integer page) {
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE, this::countUpTo, this::newestFirst);
	}

	@Query("select * from case_file_draw order by id desc limit :limit offset :offset")
	List<CaseFileDraw> newestFirst(int limit, long offset);

	@Query("select count(*) from (select 1 from case_file_draw limit :limit) t")
	long countUpTo(long limit);
}
