package org.anjian.shared.database;

import java.util.Map;

import org.anjian.shared.ResultPage;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A page of a list read with SQL, as {@link ResultPage#fetch} pages it: its rows counted only up to the cap (or
 * past the page asked for), then the page's rows in the list's order. The caller gives the columns, the
 * {@code from … where …} part both statements share, the order and the parameters; row-level security limits both
 * to the caller's jurisdiction as it limits every query.
 */
public final class PagedQuery {

	private PagedQuery() {
	}

	public static <T> ResultPage<T> page(JdbcClient jdbc, String select, String from, String order,
			Map<String, ?> params, RowMapper<T> rows, Integer page, int size) {
		return ResultPage.fetch(page, size,
				limit -> jdbc.sql("select count(*) from (select 1 " + from + " limit :countLimit) counted")
					.params(params).param("countLimit", limit).query(Long.class).single(),
				(limit, offset) -> jdbc.sql(select + " " + from + " " + order + " limit :pageLimit offset :pageOffset")
					.params(params).param("pageLimit", limit).param("pageOffset", offset).query(rows).list());
	}
}
