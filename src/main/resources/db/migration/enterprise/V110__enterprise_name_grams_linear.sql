-- The two-character grams of a name in one pass (issue 21, finding 1: the function took substr(name, i, 2) for every
-- i, each call walking the name from its start, so its time grew with the square of the name's length: a
-- 40,000-character name took 9.3 s to save and a 2,000,000-character one kept a CPU busy for over 12 minutes).
-- Splitting the name into its characters once and pairing each with the next is linear; the grams are the same, so
-- the index built on them stays valid. Names are bounded too (enterprise_name_length, V104), and checked before the
-- index is computed. The copy a superuser made leakproof (db/superuser/leakproof_search.sql) is the superuser's to
-- replace: that script carries the same body.
do $$
begin
  if exists (select 1 from pg_proc where proname = 'name_grams' and pronamespace = 'anjian_search'::regnamespace
             and proowner = (select oid from pg_roles where rolname = current_user)) then
    create or replace function anjian_search.name_grams(name text) returns text[]
      language sql immutable strict parallel safe
      as $f$
        select array(select distinct g from (
          select c || lead(c) over (order by i) as g from unnest(string_to_array(name, null)) with ordinality t(c, i)) s
          where g is not null)
      $f$;
  end if;
end
$$;
