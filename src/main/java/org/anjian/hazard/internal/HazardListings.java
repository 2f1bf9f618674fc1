package org.anjian.hazard.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The listings for supervision (挂牌督办) the caller's jurisdiction reaches (an enterprise's user: its own). */
public interface HazardListings extends ListCrudRepository<HazardListing, Long> {

	@Query("select * from hazard_listing where hazard_id = :hazard and status = 'LISTED'")
	Optional<HazardListing> findActive(@Param("hazard") long hazardId);

	@Query("select * from hazard_listing where status = :status")
	List<HazardListing> findByStatus(@Param("status") String status);

	/** Every listing of the hazard, the latest first (a hazard is listed once, but the table does not forbid more). */
	@Query("select * from hazard_listing where hazard_id = :hazard order by id desc")
	List<HazardListing> findByHazard(@Param("hazard") long hazardId);
}
