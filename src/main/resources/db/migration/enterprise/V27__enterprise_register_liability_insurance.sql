-- The registry publishes whether an enterprise holds work-safety liability insurance (安全生产责任保险): the full regrade
-- counts it, and reads the registry only through this view (ADR 0001). Appended, so the view's earlier columns stay.
create or replace view enterprise_register with (security_invoker = true) as
  select uscc, name, district_code, street_code, address, longitude, latitude, industry_code, sector, sector_subtype,
         risk_tags, major_hazard_level, scale, employees, key_unit, parent_group, supervision_level,
         supervising_body_id, standardization_grade, operating_status, liability_insurance
  from enterprise;
