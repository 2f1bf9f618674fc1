-- The hazard dashboard (issue 7): a year of hazards counted by district, or by street within a district, read by
-- index-only scans of the year's range (found_at had no index). The city's view reads the year across every
-- district; a district's or street's view reads its own district's part of the year only.
create index hazard_found on hazard (found_at) include (district_code, street_code, major, status, deadline);
create index hazard_district_found on hazard (district_code, found_at) include (street_code, major, status, deadline);

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
