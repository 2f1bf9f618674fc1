-- Run by a superuser in the application's database (docs/adr/0005-leakproof-search-operators.md). Idempotent.
--
-- Row-level security lets the planner use an index only for conditions whose functions are LEAKPROOF;
-- array containment (@>) and LIKE are not, so under a district officer's scope the name and tag indexes of
-- the enterprise search would never be used. These objects give the search a containment operator for text
-- arrays that is leakproof, with a GIN operator class for it, and a leakproof function splitting a name into
-- its two-character grams. Only a superuser may declare a function LEAKPROOF or create an operator class.

-- In a schema of their own: Flyway wants the application's schema empty before its first migration.
create schema if not exists anjian_search;
grant usage on schema anjian_search to public;

-- text[] @> text[] compares text elements with texteq (leakproof) and raises no error that depends on the
-- values: the built-in function, declared leakproof for text arrays only.
create or replace function anjian_search.text_array_contains(text[], text[]) returns boolean
  language internal immutable strict parallel safe leakproof as 'arraycontains';

-- The distinct two-character grams of a name ('化工' of '上海化工有限公司'), in one pass over its characters (its
-- time grows with the name's length, not its square: V110); never raises an error. Its body holds a sub-select, so
-- it is not inlined and its own LEAKPROOF mark is what the planner sees.
create or replace function anjian_search.name_grams(name text) returns text[]
  language sql immutable strict parallel safe leakproof
  as $$
    select array(select distinct g from (
      select c || lead(c) over (order by i) as g from unnest(string_to_array(name, null)) with ordinality t(c, i)) s
      where g is not null)
  $$;
-- owned by the superuser, so that the application's role cannot replace it with a leaky body
alter function anjian_search.name_grams(text) owner to current_user;

do $$
begin
  if not exists (select 1 from pg_operator where oprname = '@>>' and oprnamespace = 'anjian_search'::regnamespace) then
    create operator anjian_search.@>> (leftarg = text[], rightarg = text[], function = anjian_search.text_array_contains,
      restrict = matchingsel, join = matchingjoinsel);
  end if;
  if not exists (select 1 from pg_opclass where opcname = 'text_array_ops' and opcnamespace = 'anjian_search'::regnamespace) then
    -- the built-in array support functions; strategy 2 is containment for them
    create operator class anjian_search.text_array_ops for type text[] using gin as
      operator 2 anjian_search.@>> (text[], text[]),
      function 1 bttextcmp(text, text),
      function 2 ginarrayextract(anyarray, internal, internal),
      function 3 ginqueryarrayextract(anyarray, internal, int2, internal, internal, internal, internal),
      function 4 ginarrayconsistent(internal, int2, anyarray, int4, internal, internal, internal, internal),
      function 6 ginarraytriconsistent(internal, int2, anyarray, int4, internal, internal, internal),
      storage text;
  end if;
end
$$;

-- A database migrated before these objects existed (V5 then built its GIN indexes with the ordinary array
-- operator class, which row security cannot use): rebuild those two indexes with the leakproof one.
do $$
begin
  if exists (select 1 from pg_class i join pg_index x on x.indexrelid = i.oid
             where i.relname = 'enterprise_name_grams' and pg_get_indexdef(i.oid) not like '%anjian_search.text_array_ops%') then
    drop index enterprise_name_grams;
    create index enterprise_name_grams on enterprise using gin (anjian_search.name_grams(name) anjian_search.text_array_ops);
  end if;
  if exists (select 1 from pg_class i join pg_index x on x.indexrelid = i.oid
             where i.relname = 'enterprise_tags' and pg_get_indexdef(i.oid) not like '%anjian_search.text_array_ops%'
               and exists (select 1 from pg_class where relname = 'enterprise_name_grams')) then
    drop index enterprise_tags;
    create index enterprise_tags on enterprise using gin (risk_tags anjian_search.text_array_ops);
  end if;
end
$$;
