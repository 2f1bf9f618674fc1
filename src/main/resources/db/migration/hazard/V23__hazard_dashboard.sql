-- The hazard dashboard (issue 7): a year of hazards counted by district, or by street within a district, read by
-- index-only scans of the year's range (found_at had no index). The city's view reads the year across every
-- district; a district's or street's view reads its own district's part of the year only. Each index carries every
-- column the count and the row-level security policies read: the enterprise's own policy reads uscc, and without it
-- every row of the year is fetched from the table. Measured on 10,000,000 hazards over ten years (1,000,000 a year,
-- 100,000 enterprises, this 2-core machine): the city's year 0.8 s (3.6 s without uscc in the index), 浦东's
-- (210,000 hazards) 0.3 s, 普陀's 0.05 s, a street's 0.02 s; each index about 800 MB.
create index hazard_found on hazard (found_at) include (district_code, street_code, major, status, deadline, uscc);
create index hazard_district_found on hazard (district_code, found_at)
  include (street_code, major, status, deadline, uscc);

-- Which years of hazards the generator has made, by seed: a second run of the same year and seed adds nothing.
create table hazard_generation (
  year             int not null,
  seed             bigint not null,
  major            int not null,
  major_verified   int not null,
  general          int not null,
  general_verified int not null,
  generated_at     timestamptz not null default now(),
  primary key (year, seed)
);
