-- The hazard list (issue 13: paging everywhere, the city-wide list under 300 ms). The list shows the open hazards
-- first, the nearest deadline first, the newest first on a day: ORDER BY (status = 'VERIFIED'), deadline, id DESC,
-- and among the hazards of one status ORDER BY deadline, id DESC. These indexes keep that order, so that a page reads
-- its own rows instead of sorting the ledger: the city's (its officers read every district) and each district's
-- (HazardLedger repeats a district or street officer's own district as an equality, which an index may serve under
-- row security: docs/adr/0005). The open hazards (2% of them) and the major ones (0.3%) have small partial indexes
-- of their own, for the filters by status, overdue and major; the major ones carry the columns row security reads,
-- so that counting them reads the index alone.
-- Measured with `bench hazards` on 2,000,000 hazards (100,000 enterprises, this 2-core machine shared with other
-- work), as the application's role under row security: the city's first page with its count 42 ms instead of 3.9 s,
-- a district's 29 ms instead of 6.5 s, a street's 26 ms instead of 4.4 s (README, "Data generation and benchmarks").
create index hazard_ledger on hazard ((status = 'VERIFIED'), deadline, id desc);
create index hazard_ledger_district on hazard (district_code, (status = 'VERIFIED'), deadline, id desc);
create index hazard_ledger_open on hazard (status, deadline, id desc) where status <> 'VERIFIED';
create index hazard_ledger_district_open on hazard (district_code, status, deadline, id desc) where status <> 'VERIFIED';
create index hazard_ledger_major on hazard ((status = 'VERIFIED'), deadline, id desc)
  include (district_code, street_code, uscc) where major;
create index hazard_ledger_major_status on hazard (status, deadline, id desc)
  include (district_code, street_code, uscc) where major;
