package org.anjian.identity;

import java.util.List;
import java.util.Optional;

import org.anjian.shared.ResultPage;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The accounts the caller's scope lets them see (row-level security applies to every query). */
public interface UserAccounts extends ListCrudRepository<UserAccount, Long> {

	Optional<UserAccount> findByUsername(String username);

	/** The administrator's list's order: by level and place, then user name. */
	String ORDER = "order by scope_level, district_code nulls first, street_code nulls first, username";

	@Query("select * from app_user " + ORDER)
	List<UserAccount> findAllOrdered();

	/** A page of {@link #findAllOrdered()}, counted up to its cap (the administrator's list). */
	default ResultPage<UserAccount> findAllOrdered(Integer page) {
		return ResultPage.fetch(page, ResultPage.DEFAULT_SIZE, this::countUpTo, this::findAllOrdered);
	}

	@Query("select * from app_user " + ORDER + " limit :limit offset :offset")
	List<UserAccount> findAllOrdered(int limit, long offset);

	@Query("select count(*) from (select 1 from app_user limit :limit) t")
	long countUpTo(long limit);

	/** The place (from 1) of a user in {@link #findAllOrdered()}, so that a page can show the one just saved. */
	@Query("select coalesce((select n from (select id, row_number() over (" + ORDER
			+ ") n from app_user) t where id = :id), 1)")
	long placeOf(long id);

	/** The page of {@link #findAllOrdered(Integer)} that shows the user. */
	default int pageOf(long id) {
		return (int) ((placeOf(id) - 1) / ResultPage.DEFAULT_SIZE) + 1;
	}

	/** The users of one enterprise, by name. */
	@Query("select * from app_user where enterprise_uscc = :uscc order by display_name, id")
	List<UserAccount> findByEnterprise(String uscc);

	/**
	 * Enterprise users not linked to this enterprise whose name contains {@code namePattern} (a LIKE pattern) or
	 * whose user name is {@code username}: the accounts an officer may link to it, at most 20.
	 */
	@Query("""
			select * from app_user
			where 'ENTERPRISE' = any (roles) and enterprise_uscc is distinct from :uscc
			  and (display_name like :namePattern or username = :username)
			order by display_name, id limit 20""")
	List<UserAccount> findLinkable(String uscc, String namePattern, String username);
}
