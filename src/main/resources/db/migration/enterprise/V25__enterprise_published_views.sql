-- The enterprise module's published views (ADR 0001): the part of the registry another module's SQL may read, for
-- the set-based joins that must stay in the database (full regrade, plan composition, dashboards). Java code of other
-- modules asks EnterpriseRegistry instead. security_invoker: row-level security applies to the reader, as on the
-- table (an enterprise's own user sees its own row). Personal data (the legal representative, the safety manager and
-- their phone) is not published.

create view enterprise_register with (security_invoker = true) as
  select uscc, name, district_code, street_code, address, longitude, latitude, industry_code, sector, sector_subtype,
         risk_tags, major_hazard_level, scale, employees, key_unit, parent_group, supervision_level,
         supervising_body_id, standardization_grade, operating_status
  from enterprise;

create view industry_directory with (security_invoker = true) as
  select d.code, d.section_code, d.name, s.name as section_name from industry_division d
  join industry_section s on s.code = d.section_code;
