-- 当场处罚 (简易程序, 行政处罚法第51–52条): a case decided and handed to the party on the spot by two officers runs the
-- short path; the general procedure is every other case's.
alter table penalty_case
  add column procedure text not null default 'GENERAL' check (procedure in ('GENERAL', 'SIMPLE'));
