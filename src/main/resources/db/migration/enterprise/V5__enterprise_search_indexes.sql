-- Indexes for the enterprise search at city scale (1,000,000 files) under row-level security; see
-- docs/adr/0005-leakproof-search-operators.md.
--
-- Under row security PostgreSQL uses an index only for conditions whose functions are LEAKPROOF (texteq,
-- text comparisons, booleq are; LIKE and array containment are not). The search therefore states the
-- caller's own district or street as a plain equality (row security still decides), looks a name fragment up
-- by its two-character grams and a code prefix as a range, and pages in credit-code order along an index.

-- The distinct two-character grams of a name. A superuser normally created it already, owned by the
-- superuser and marked LEAKPROOF (db/superuser/leakproof_search.sql); on a database where that has not been
-- run yet the application creates this ordinary copy, which works alike but which row security cannot use.
do $$
begin
  if not exists (select 1 from pg_namespace where nspname = 'anjian_search') then
    create schema anjian_search;
  end if;
  if not exists (select 1 from pg_proc where proname = 'name_grams' and pronamespace = 'anjian_search'::regnamespace) then
    create function anjian_search.name_grams(name text) returns text[]
      language sql immutable strict parallel safe
      as $f$ select array(select distinct substr(name, i, 2) from generate_series(1, length(name) - 1) i) $f$;
  end if;
end
$$;

-- Name fragments of two characters or more (Chinese names: trigrams need three), and risk tags: GIN with the
-- leakproof containment operator class when a superuser provided it, else the ordinary one.
do $$
declare
  ops text := case when exists (select 1 from pg_opclass where opcname = 'text_array_ops'
                                  and opcnamespace = 'anjian_search'::regnamespace)
                   then 'anjian_search.text_array_ops' else 'array_ops' end;
begin
  execute format('create index enterprise_name_grams on enterprise using gin (anjian_search.name_grams(name) %s)', ops);
  drop index enterprise_tags;
  execute format('create index enterprise_tags on enterprise using gin (risk_tags %s)', ops);
end
$$;

-- LIKE '%…%' cannot use it under row security, and the grams serve fragments of two characters or more.
drop index enterprise_name_trgm;

-- A district's or a street's files in credit-code order: the first page without sorting, the capped count
-- from the index alone (street_code is what row security reads besides district_code and uscc).
drop index enterprise_place;
create index enterprise_district_order on enterprise (district_code, uscc) include (street_code);
create index enterprise_street_order on enterprise (street_code, uscc) include (district_code);

-- Few rows each: key units, the city- and district-level files, hazardous chemicals, files not operating.
drop index enterprise_key_units;
create index enterprise_key_units on enterprise (district_code, street_code, uscc) where key_unit;
create index enterprise_level on enterprise (supervision_level, district_code, uscc);
create index enterprise_hazchem on enterprise (district_code, uscc) where sector = 'HAZCHEM';
create index enterprise_not_operating on enterprise (operating_status, district_code, uscc)
  where operating_status <> 'OPERATING';
