-- The organization module's published views (ADR 0001): the only part of its tables another module's SQL may read,
-- for set-based joins that must stay in the database (plan composition and scheduling, dashboards). Java code of
-- other modules asks the Organization facade instead. security_invoker: row-level security applies to the reader,
-- exactly as on the tables. Officers' and experts' phone numbers are not published.

create view jurisdiction_directory with (security_invoker = true) as
  select code, name, level, parent_code, kind from jurisdiction;

create view body_directory with (security_invoker = true) as
  select id, name, level, jurisdiction_code, district_code, street_code from enforcement_body;

create view officer_directory with (security_invoker = true) as
  select id, name, badge_number, body_id, district_code, street_code, active, certifications from officer;

create view expert_directory with (security_invoker = true) as
  select id, name, field, organisation, qualification, body_id, district_code, street_code, active from expert;
