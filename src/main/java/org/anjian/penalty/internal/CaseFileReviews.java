package org.anjian.penalty.internal;

import java.util.List;

import org.anjian.shared.ResultPage;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The case-file reviews the caller's jurisdiction reaches, filtered by status and body ({@code ""} and {@code 0}:
 * any), those waiting first.
 */
public interface CaseFileReviews extends ListCrudRepository<CaseFileReview, Long> {

	default ResultPage<CaseFileReview> page(CaseFileReview.Status status, Long bodyId, Integer page) {
		String s = status == null ? "" : status.name();
		long body = bodyId == null ? 0 : bodyId;
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE, limit -> countUpTo(s, body, limit),
				(limit, offset) -> page(s, body, limit, offset));
	}

	@Query("""
			select * from case_file_review where (:status = '' or status = :status) and (:bodyId = 0 or body_id = :bodyId)
			order by status, id desc limit :limit offset :offset""")
	List<CaseFileReview> page(String status, long bodyId, int limit, long offset);

	@Query("""
			select count(*) from (select 1 from case_file_review
			  where (:status = '' or status = :status) and (:bodyId = 0 or body_id = :bodyId) limit :limit) t""")
	long countUpTo(String status, long bodyId, long limit);

	@Query("select * from case_file_review where draw_id = :drawId order by id")
	List<CaseFileReview> ofDraw(long drawId);
}
