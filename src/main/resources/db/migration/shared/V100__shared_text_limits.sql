-- Every text column of the shared module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked (anjian_validate_bounds, V100).

-- Validates the bounds on text (checks named *_length or *_size) that a module's migration added NOT VALID to its
-- tables, where the rows already written allow: a table holding a row beyond a limit keeps it (a warning names the
-- table and the check) and every row written from now on is checked. Called by each module's text-limits migration.
create function anjian_validate_bounds(tables text[]) returns void language plpgsql as $$
declare
  c record;
begin
  for c in select conrelid::regclass as t, conname from pg_constraint
           where not convalidated and (conname like '%\_length' or conname like '%\_size')
             and conrelid::regclass::text = any (tables) loop
    begin
      execute format('alter table %s validate constraint %I', c.t, c.conname);
    exception when check_violation then
      raise warning '% holds rows beyond the limit % sets: kept, and every new row is checked', c.t, c.conname;
    end;
  end loop;
end
$$;

alter table background_work
  add constraint background_work_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint background_work_kind_length check (char_length(kind) <= 100) not valid,
  add constraint background_work_label_length check (char_length(label) <= 200) not valid,
  add constraint background_work_message_length check (char_length(message) <= 4000) not valid,
  add constraint background_work_stage_length check (char_length(stage) <= 100) not valid,
  add constraint background_work_started_by_length check (char_length(started_by) <= 100) not valid,
  add constraint background_work_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint background_work_subject_length check (char_length(subject) <= 100) not valid;

alter table event_publication
  add constraint event_publication_event_type_length check (char_length(event_type) <= 1000) not valid,
  add constraint event_publication_listener_id_length check (char_length(listener_id) <= 1000) not valid,
  add constraint event_publication_serialized_event_length check (char_length(serialized_event) <= 67108864) not valid,
  add constraint event_publication_status_length check (char_length(status) <= 100) not valid;

alter table job_run
  add constraint job_run_instance_length check (char_length(instance) <= 200) not valid,
  add constraint job_run_job_length check (char_length(job) <= 100) not valid,
  add constraint job_run_outcome_length check (char_length(outcome) <= 4000) not valid;

select anjian_validate_bounds(array['background_work', 'event_publication', 'job_run']);
