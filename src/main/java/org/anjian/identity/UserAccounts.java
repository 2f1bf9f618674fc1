package org.anjian.identity;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The accounts the caller's scope lets them see (row-level security applies to every query). */
public interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	@Query("select * from app_user order by scope_level, district_code nulls first, street_code nulls first, username")
	List<UserAccount> findAllOrdered();
}
