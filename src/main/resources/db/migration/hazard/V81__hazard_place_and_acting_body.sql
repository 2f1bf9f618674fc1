-- Where a hazard lies and who acts on it (issue 13). A hazard found by a district's or the city's inspection carried
-- the inspecting body's place (the district, no street), so the officers of the enterprise's street could not read
-- it. From now on a hazard lies where its enterprise lies (district and street), and row security lets everyone whose
-- jurisdiction covers that place read it; acting_code names the jurisdiction of the body that found it (310000 for
-- the city, a district's or a street's code), and only that body and those above it on its branch (its leaders)
-- order, re-inspect and close it: the write policies read acting_code, the read policy stays on the place, so the
-- dashboard's index-only counts are unchanged. The hazard's listings, notices, files and reminders carry its place
-- too, and the hazard module's own acts check the acting body before they write them (HazardActPolicy).

alter table hazard add column acting_code text;

-- A row written without it (a test's or a tool's direct insert) is acted on by the jurisdiction of its place, as
-- before this migration.
create function anjian_hazard_acting_code() returns trigger language plpgsql as $$
begin
  if new.acting_code is null then
    new.acting_code := coalesce(new.street_code, new.district_code, '310000');
  end if;
  return new;
end
$$;
create trigger hazard_acting_code before insert on hazard for each row execute function anjian_hazard_acting_code();

-- Whether the caller's scope covers the jurisdiction a division code names (as anjian_in_scope covers a place).
create function anjian_in_scope_of(code text) returns boolean language sql stable as $$
  select anjian_in_scope(case when code <> '310000' then left(code, 6) end, case when length(code) = 9 then code end)
$$;

-- One summary record instead of one per hazard: the rows are moved, not acted on.
select set_config('anjian.bulk', 'on', true);

-- Found by an inspection: acted on by the inspecting body, whose place the row carried. Generated (no task): by the
-- body that supervises the enterprise, at its supervision level.
update hazard h set
  acting_code = case when h.task_id is not null then coalesce(h.street_code, h.district_code, '310000')
                     when e.supervision_level = 'CITY' then '310000'
                     when e.supervision_level = 'STREET' and e.street_code is not null then e.street_code
                     else e.district_code end,
  district_code = e.district_code,
  street_code = e.street_code
from enterprise_register e
where e.uscc = h.uscc;
update hazard set acting_code = coalesce(street_code, district_code, '310000') where acting_code is null;
alter table hazard alter column acting_code set not null;

update hazard_reminder r set district_code = h.district_code, street_code = h.street_code from hazard h
where h.id = r.hazard_id and (r.district_code, r.street_code) is distinct from (h.district_code, h.street_code);
update hazard_listing l set district_code = h.district_code, street_code = h.street_code from hazard h
where h.id = l.hazard_id and (l.district_code, l.street_code) is distinct from (h.district_code, h.street_code);
update hazard_progress p set district_code = l.district_code, street_code = l.street_code from hazard_listing l
where l.id = p.listing_id and (p.district_code, p.street_code) is distinct from (l.district_code, l.street_code);
update department_notice n set district_code = h.district_code, street_code = h.street_code from hazard h
where h.id = n.hazard_id and (n.district_code, n.street_code) is distinct from (h.district_code, h.street_code);
update hazard_evidence f set district_code = h.district_code, street_code = h.street_code from hazard h
where h.id = f.hazard_id and (f.district_code, f.street_code) is distinct from (h.district_code, h.street_code);

select anjian_audit_append('hazard', null, 'hazard.place-at-enterprise', null,
  '{"note": "隐患按企业所在区、街镇登记，办理主体另记（acting_code）；整改提醒、挂牌督办、抄告、整改材料随隐患所在地"}',
  null, null);
select set_config('anjian.bulk', 'off', true);

drop policy scope_insert on hazard;
drop policy scope_update on hazard;
drop policy scope_delete on hazard;
create policy scope_insert on hazard for insert with check (anjian_in_scope_of(acting_code));
create policy scope_update on hazard for update using (anjian_in_scope_of(acting_code))
  with check (anjian_in_scope_of(acting_code));
create policy scope_delete on hazard for delete using (anjian_in_scope_of(acting_code));
