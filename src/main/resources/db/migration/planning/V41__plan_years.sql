-- The years a plan may be opened for (AnnualPlan.FIRST_YEAR to LAST_YEAR): still a check against a mistyped year,
-- now wide enough for the far years tests plan in (TestYears, from 2101 on) so as not to meet each other's plans.
alter table annual_plan drop constraint annual_plan_year_check;
alter table annual_plan add constraint annual_plan_year_check check (year between 2000 and 2999);
