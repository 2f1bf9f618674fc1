-- The home page's to-dos (issue 13) count the hazards whose rectification waits for re-inspection, oldest first, for
-- every officer on every page load. The registers' indexes lead with the district, so a city officer's count would
-- read every hazard of every year: a partial index of the submitted ones, with the columns row security reads.
create index hazard_submitted on hazard (submitted_at, id) include (district_code, street_code) where status = 'SUBMITTED';
