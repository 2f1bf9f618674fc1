-- What a background run is doing now (a stage the page shows beside its progress, e.g. the solver's phase), and what
-- it produced beyond its sentence (an import's report, or every bad row of a refused import), kept with the run so
-- that its page and the API show it after the run has ended.
alter table background_work add column stage text check (length(stage) <= 200);
alter table background_work add column result jsonb;

-- A run was readable by the levels below its own (as a body's record is), but its result holds what the work read
-- across the jurisdiction of whoever started it: a city officer's import lists the codes of every district's
-- enterprises. So a run is read within its own jurisdiction (and by the city), as it is written.
drop policy scope_read on background_work;
create policy scope_read on background_work for select using (anjian_in_scope(district_code, street_code));
