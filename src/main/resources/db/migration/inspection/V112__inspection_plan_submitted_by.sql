-- Who submitted a task's on-site plan, who may not approve it (四眼原则, issue 21 finding 7). Empty for plans
-- submitted before.
alter table inspection_task add column plan_submitted_by text
  constraint inspection_task_plan_submitted_by_length check (char_length(plan_submitted_by) <= 100);
