-- The schedule of a plan item: its planned month and day, and the two officers who inspect (the lead, 主办人,
-- holds the lead-inspector certification; the second is any other active officer of the plan's body).
alter table plan_item
  add column planned_month     smallint check (planned_month between 1 and 12),
  add column planned_on        date,
  add column lead_officer_id   bigint references officer (id),
  add column second_officer_id bigint references officer (id),
  add constraint plan_item_schedule_complete check (
    (planned_month is null and planned_on is null and lead_officer_id is null and second_officer_id is null)
    or (planned_month is not null and planned_on is not null and lead_officer_id is not null
        and second_officer_id is not null and lead_officer_id <> second_officer_id
        and extract(month from planned_on) = planned_month and extract(year from planned_on) = year));
create index plan_item_month on plan_item (year, planned_month) where planned_month is not null;
