-- The home page's to-dos (issue 13) count, for every officer on every page, the hazards waiting for re-inspection and
-- those past their deadline, the oldest first. The registers' indexes lead with the district, which row security's
-- condition cannot use, so a count would read every hazard of every year: partial indexes of the open ones instead,
-- holding every column the counts and the row security policies read (district, street, the enterprise's code), so
-- that a count reads the index only. The one of the hazards being rectified takes the place of V19's narrower one,
-- which the deadline job read the same way.
create index hazard_submitted on hazard (submitted_at, id) include (district_code, street_code, uscc)
  where status = 'SUBMITTED';
create index hazard_rectifying on hazard (deadline, id) include (district_code, street_code, uscc)
  where status = 'RECTIFYING';
drop index hazard_open_deadline;
