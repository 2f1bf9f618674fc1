-- Every text column of the organization module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked (anjian_validate_bounds, V100).

alter table enforcement_body
  add constraint enforcement_body_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint enforcement_body_name_length check (char_length(name) <= 200) not valid,
  add constraint enforcement_body_street_code_length check (char_length(street_code) <= 32) not valid;

alter table expert
  add constraint expert_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint expert_field_length check (char_length(field) <= 200) not valid,
  add constraint expert_name_length check (char_length(name) <= 200) not valid,
  add constraint expert_organisation_length check (char_length(organisation) <= 200) not valid,
  add constraint expert_phone_length check (char_length(phone) <= 40) not valid,
  add constraint expert_qualification_length check (char_length(qualification) <= 200) not valid,
  add constraint expert_street_code_length check (char_length(street_code) <= 32) not valid;

alter table jurisdiction
  add constraint jurisdiction_code_length check (char_length(code) <= 32) not valid,
  add constraint jurisdiction_kind_length check (char_length(kind) <= 100) not valid,
  add constraint jurisdiction_name_length check (char_length(name) <= 200) not valid;

alter table officer
  add constraint officer_badge_number_length check (char_length(badge_number) <= 200) not valid,
  add constraint officer_certifications_size check (cardinality(certifications) <= 20) not valid,
  add constraint officer_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint officer_name_length check (char_length(name) <= 200) not valid,
  add constraint officer_phone_length check (char_length(phone) <= 40) not valid,
  add constraint officer_street_code_length check (char_length(street_code) <= 32) not valid;

select anjian_validate_bounds(array['enforcement_body', 'expert', 'jurisdiction', 'officer']);
