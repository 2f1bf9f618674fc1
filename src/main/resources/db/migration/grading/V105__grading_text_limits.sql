-- Every text column of the grading module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked (anjian_validate_bounds, V100).

alter table grade_change
  add constraint grade_change_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint grade_change_street_code_length check (char_length(street_code) <= 32) not valid;

alter table risk_fact
  add constraint risk_fact_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint risk_fact_source_length check (char_length(source) <= 200) not valid,
  add constraint risk_fact_street_code_length check (char_length(street_code) <= 32) not valid;

alter table risk_grade
  add constraint risk_grade_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint risk_grade_overrides_size check (cardinality(overrides) <= 50) not valid,
  add constraint risk_grade_sector_length check (char_length(sector) <= 100) not valid,
  add constraint risk_grade_street_code_length check (char_length(street_code) <= 32) not valid;

alter table scoring_factor
  add constraint scoring_factor_kind_length check (char_length(kind) <= 100) not valid;

alter table scoring_item
  add constraint scoring_item_item_length check (char_length(item) <= 200) not valid;

alter table scoring_policy
  add constraint scoring_policy_created_by_length check (char_length(created_by) <= 100) not valid,
  add constraint scoring_policy_note_length check (char_length(note) <= 4000) not valid;

alter table watch_entry
  add constraint watch_entry_added_by_length check (char_length(added_by) <= 100) not valid,
  add constraint watch_entry_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint watch_entry_reasons_size check (cardinality(reasons) <= 50) not valid,
  add constraint watch_entry_removal_reason_length check (char_length(removal_reason) <= 4000) not valid,
  add constraint watch_entry_removed_by_length check (char_length(removed_by) <= 100) not valid,
  add constraint watch_entry_street_code_length check (char_length(street_code) <= 32) not valid;

select anjian_validate_bounds(array['grade_change', 'risk_fact', 'risk_grade', 'scoring_factor', 'scoring_item', 'scoring_policy', 'watch_entry']);
