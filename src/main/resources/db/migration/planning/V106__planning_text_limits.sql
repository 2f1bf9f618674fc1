-- Every text column of the planning module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked (anjian_validate_bounds, V100).

alter table annual_plan
  add constraint annual_plan_approved_by_length check (char_length(approved_by) <= 100) not valid,
  add constraint annual_plan_created_by_length check (char_length(created_by) <= 100) not valid,
  add constraint annual_plan_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint annual_plan_seed_length check (char_length(seed) <= 100) not valid,
  add constraint annual_plan_street_code_length check (char_length(street_code) <= 32) not valid;

alter table officer_absence
  add constraint officer_absence_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint officer_absence_reason_length check (char_length(reason) <= 4000) not valid,
  add constraint officer_absence_recorded_by_length check (char_length(recorded_by) <= 100) not valid,
  add constraint officer_absence_street_code_length check (char_length(street_code) <= 32) not valid;

alter table officer_recusal
  add constraint officer_recusal_declared_by_length check (char_length(declared_by) <= 100) not valid,
  add constraint officer_recusal_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint officer_recusal_reason_length check (char_length(reason) <= 4000) not valid,
  add constraint officer_recusal_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint officer_recusal_withdrawn_by_length check (char_length(withdrawn_by) <= 100) not valid;

alter table plan_amendment
  add constraint plan_amendment_amended_by_length check (char_length(amended_by) <= 100) not valid,
  add constraint plan_amendment_change_length check (char_length(change) <= 4000) not valid,
  add constraint plan_amendment_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint plan_amendment_reason_length check (char_length(reason) <= 4000) not valid,
  add constraint plan_amendment_street_code_length check (char_length(street_code) <= 32) not valid;

alter table plan_campaign
  add constraint plan_campaign_created_by_length check (char_length(created_by) <= 100) not valid,
  add constraint plan_campaign_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint plan_campaign_industry_prefixes_size check (cardinality(industry_prefixes) <= 100) not valid,
  add constraint plan_campaign_matters_size check (cardinality(matters) <= 50) not valid,
  add constraint plan_campaign_name_length check (char_length(name) <= 200) not valid,
  add constraint plan_campaign_risk_tags_size check (cardinality(risk_tags) <= 50) not valid,
  add constraint plan_campaign_sectors_size check (cardinality(sectors) <= 20) not valid,
  add constraint plan_campaign_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint plan_campaign_street_codes_size check (cardinality(street_codes) <= 400) not valid;

alter table plan_draw
  add constraint plan_draw_algorithm_length check (char_length(algorithm) <= 100) not valid,
  add constraint plan_draw_candidates_length check (char_length(candidates) <= 67108864) not valid,
  add constraint plan_draw_candidates_sha256_length check (char_length(candidates_sha256) <= 128) not valid,
  add constraint plan_draw_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint plan_draw_officers_length check (char_length(officers) <= 67108864) not valid,
  add constraint plan_draw_officers_sha256_length check (char_length(officers_sha256) <= 128) not valid,
  add constraint plan_draw_seed_length check (char_length(seed) <= 100) not valid,
  add constraint plan_draw_street_code_length check (char_length(street_code) <= 32) not valid;

alter table plan_draw_result
  add constraint plan_draw_result_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint plan_draw_result_officers_size check (cardinality(officers) <= 10) not valid,
  add constraint plan_draw_result_stratum_length check (char_length(stratum) <= 100) not valid,
  add constraint plan_draw_result_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint plan_draw_result_ticket_length check (char_length(ticket) <= 100) not valid,
  add constraint plan_draw_result_uscc_length check (char_length(uscc) <= 32) not valid;

alter table plan_item
  add constraint plan_item_added_reason_length check (char_length(added_reason) <= 4000) not valid,
  add constraint plan_item_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint plan_item_matters_size check (cardinality(matters) <= 50) not valid,
  add constraint plan_item_purpose_length check (char_length(purpose) <= 4000) not valid,
  add constraint plan_item_second_reason_length check (char_length(second_reason) <= 4000) not valid,
  add constraint plan_item_street_code_length check (char_length(street_code) <= 32) not valid;

alter table public_holiday
  add constraint public_holiday_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint public_holiday_name_length check (char_length(name) <= 200) not valid,
  add constraint public_holiday_source_length check (char_length(source) <= 200) not valid,
  add constraint public_holiday_street_code_length check (char_length(street_code) <= 32) not valid;

select anjian_validate_bounds(array['annual_plan', 'officer_absence', 'officer_recusal', 'plan_amendment', 'plan_campaign', 'plan_draw', 'plan_draw_result', 'plan_item', 'public_holiday']);
