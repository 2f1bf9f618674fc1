-- The home page's to-dos (issue 13) count the tasks still to be done — on-site plans to approve, tasks without
-- officers, this week's inspections, triggered tasks open — for every officer and leader on every page. They are a
-- small share of all tasks, which grow by tens of thousands a year: a partial index of the unfinished ones, holding
-- the columns the counts and the row security policies read, answers them without the finished tasks of past years.
create index inspection_task_unfinished on inspection_task (status, planned_on)
  include (id, district_code, street_code, uscc, mode, origin, lead_officer_id)
  where status in ('OPEN', 'PLAN_SUBMITTED', 'PLAN_APPROVED', 'IN_PROGRESS');
