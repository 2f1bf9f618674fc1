-- The enterprise's rating of an inspection (issue 13) is read by the officers of the body that inspected and by
-- leaders (within their jurisdiction, as every row), never by another body — not by a district's brigade of its
-- street's inspections, nor by the city corps of a district's — and never on a public page. The rating carries the
-- inspecting body; a restrictive policy adds that condition to the jurisdiction's. anjian.leader is set for a leader's
-- connection by ScopedDataSource, as anjian.body is for everyone's.

alter table inspection_rating add column body_id bigint;

update inspection_rating r set body_id = t.body_id from inspection_task t where t.id = r.task_id;

-- A rating is written as the system (the enterprise rates through the public inspection code): the body comes from
-- its task when the insert does not name it.
create function anjian_rating_body() returns trigger language plpgsql as $$
begin
  if new.body_id is null then
    new.body_id := (select body_id from inspection_task where id = new.task_id);
  end if;
  return new;
end
$$;
create trigger inspection_rating_body before insert on inspection_rating
  for each row execute function anjian_rating_body();

create policy inspecting_body_read on inspection_rating as restrictive for select
  using (anjian_scope_kind() = 'SYSTEM'
         or body_id::text = current_setting('anjian.body', true)
         or current_setting('anjian.leader', true) = 'on');

-- The list of ratings to follow up, newest first.
create index inspection_rating_rated on inspection_rating (rated_at desc, task_id);
