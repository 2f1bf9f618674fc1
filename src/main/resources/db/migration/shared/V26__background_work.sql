-- Long work started from a page (scheduling a plan, composing it, generating tasks, large imports and exports) runs
-- in the background: one row per run, with its progress, which the page polls. A kind of work on one subject runs
-- once at a time, across every instance (the partial unique index); a run whose instance died stops beating and is
-- closed as interrupted by the next start.
create table background_work (
  id            bigint generated always as identity primary key,
  kind          text not null check (length(kind) <= 60),
  subject       text not null check (length(subject) <= 100),
  label         text not null check (length(label) <= 200),
  status        text not null check (status in ('RUNNING', 'DONE', 'FAILED')),
  done          int not null default 0 check (done >= 0),
  total         int check (total >= 0),
  message       text check (length(message) <= 2000),
  district_code text,
  street_code   text,
  started_by    text not null check (length(started_by) <= 200),
  started_at    timestamptz not null,
  beat_at       timestamptz not null,
  finished_at   timestamptz,
  check ((status = 'RUNNING') = (finished_at is null))
);
create unique index background_work_once on background_work (kind, subject) where status = 'RUNNING';
create index background_work_subject on background_work (kind, subject, id desc);
call anjian_scope_table('background_work', true);
