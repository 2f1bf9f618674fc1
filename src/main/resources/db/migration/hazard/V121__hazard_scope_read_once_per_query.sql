-- Row security that reads the caller's settings once per query instead of once per row (bench web), as V120 does
-- for the enterprise files: the same conditions as anjian_in_scope (V1) and enterprise_read (V19), each setting in
-- a sub-select that PostgreSQL evaluates once per statement. The city's hazard list counts up to 10,000 rows:
-- 4-6 ms with the settings read for every row, under 1 ms so. Writes keep their policies.
drop policy scope_read on hazard;
create policy scope_read on hazard for select using (coalesce(case (select anjian_scope_kind())
    when 'SYSTEM' then true
    when 'CITY' then true
    when 'DISTRICT' then district_code = (select current_setting('anjian.scope_district', true))
    when 'STREET' then street_code = (select current_setting('anjian.scope_street', true))
    else false end, false));

drop policy enterprise_read on hazard;
create policy enterprise_read on hazard for select
  using ((select anjian_scope_kind()) = 'ENTERPRISE' and uscc = (select current_setting('anjian.enterprise', true)));
