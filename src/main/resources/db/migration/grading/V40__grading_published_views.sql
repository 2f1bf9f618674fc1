-- The grading module's published views (ADR 0001): what another module's SQL may read of grades and facts, for the
-- set-based joins that must stay in the database (plan composition, dashboards). Java code of other modules asks
-- the grading module's facades instead. security_invoker: row-level security applies to the reader, exactly as on
-- the tables. The breakdown, the overrides and the facts' details are not published.

-- Each graded enterprise's current grade (A to D) and score, as of the day it was graded.
create view enterprise_grade with (security_invoker = true) as
  select uscc, district_code, street_code, grade, score, as_of from risk_grade;

-- The reports of a group's internal supervision (集团自查自纠报告) on record, by the day reported: planning leaves
-- an enterprise whose group reported in the last 12 months out of targeted checks (seed 003 (十八)).
create view group_supervision_report with (security_invoker = true) as
  select uscc, district_code, street_code, occurred_on as reported_on from risk_fact where kind = 'GROUP_SUPERVISION';
