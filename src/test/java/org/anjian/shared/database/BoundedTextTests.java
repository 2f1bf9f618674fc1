package org.anjian.shared.database;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No path can store unbounded text (issue 21, finding 3: a 10,000,000-character contact name and a
 * 20,000,000-character inspection note were stored): every text column of every table carries a {@code CHECK} on its
 * length — a {@code varchar(n)} or a {@code char_length(column) <= n} — and every text array a bound on its size, so
 * that whatever path writes a row, the database refuses more.
 */
@SpringBootTest
class BoundedTextTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyTextColumnHasALengthLimitInTheDatabase() {
		List<String> unbounded = jdbc.sql("""
				select c.relname || '.' || a.attname || ' ' || format_type(a.atttypid, a.atttypmod)
				from pg_attribute a
				join pg_class c on c.oid = a.attrelid and c.relkind in ('r', 'p')
				join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
				where a.attnum > 0 and not a.attisdropped
				  and a.atttypid in ('text'::regtype, 'varchar'::regtype, 'text[]'::regtype, 'varchar[]'::regtype)
				  and not (a.atttypid = 'varchar'::regtype and a.atttypmod > 0)
				  -- a length or size limit, a closed list of values, a pattern anchored at both ends
				  and not exists (
				      select 1 from pg_constraint k
				      where k.conrelid = c.oid and k.contype = 'c' and a.attnum = any (k.conkey)
				        and (pg_get_constraintdef(k.oid) ~ ('(char_length|octet_length|length|cardinality|array_length)\\(\\(?'
				                 || quote_ident(a.attname) || '(\\)?::text)?\\)(, 1\\))? <= ')
				             or pg_get_constraintdef(k.oid) ~ ('\\(?' || quote_ident(a.attname) || '\\)?(::text)? = ANY \\(')
				             or pg_get_constraintdef(k.oid) ~ ('\\(?' || quote_ident(a.attname) || '\\)? ~ ''\\^.*\\$''')))
				  -- a reference to a row whose key is bounded
				  and not exists (
				      select 1 from pg_constraint k
				      where k.conrelid = c.oid and k.contype = 'f' and a.attnum = any (k.conkey))
				  and c.relname not in ('flyway_schema_history', 'scheduled_tasks', 'spring_session',
				                        'spring_session_attributes')
				order by 1""").query(String.class).list();
		assertThat(unbounded).as("text columns without a length limit").isEmpty();
	}
}
