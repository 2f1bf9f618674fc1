-- Who submitted a plan for approval, who may not approve it (四眼原则, issue 21 finding 7): with its creator, the
-- plan's authors. Empty for plans submitted before.
alter table annual_plan add column submitted_by text
  constraint annual_plan_submitted_by_length check (char_length(submitted_by) <= 100);
