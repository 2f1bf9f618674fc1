-- Every text column of the enterprise module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked (anjian_validate_bounds, V100).

alter table city_key_list
  add constraint city_key_list_name_length check (char_length(name) <= 200) not valid,
  add constraint city_key_list_reason_length check (char_length(reason) <= 4000) not valid,
  add constraint city_key_list_uscc_length check (char_length(uscc) <= 32) not valid;

alter table enterprise
  add constraint enterprise_address_length check (char_length(address) <= 500) not valid,
  add constraint enterprise_former_names_size check (cardinality(former_names) <= 20) not valid,
  add constraint enterprise_key_unit_reason_length check (char_length(key_unit_reason) <= 4000) not valid,
  add constraint enterprise_legal_representative_length check (char_length(legal_representative) <= 200) not valid,
  add constraint enterprise_level_override_reason_length check (char_length(level_override_reason) <= 4000) not valid,
  add constraint enterprise_level_rule_length check (char_length(level_rule) <= 100) not valid,
  add constraint enterprise_name_length check (char_length(name) <= 200) not valid,
  add constraint enterprise_parent_group_length check (char_length(parent_group) <= 200) not valid,
  add constraint enterprise_risk_tags_size check (cardinality(risk_tags) <= 50) not valid,
  add constraint enterprise_safety_manager_length check (char_length(safety_manager) <= 200) not valid,
  add constraint enterprise_safety_manager_phone_length check (char_length(safety_manager_phone) <= 40) not valid,
  add constraint enterprise_sector_subtype_length check (char_length(sector_subtype) <= 200) not valid,
  add constraint enterprise_uscc_length check (char_length(uscc) <= 32) not valid;

alter table industry_division
  add constraint industry_division_code_length check (char_length(code) <= 32) not valid,
  add constraint industry_division_gongmao_industry_length check (char_length(gongmao_industry) <= 200) not valid,
  add constraint industry_division_name_length check (char_length(name) <= 200) not valid,
  add constraint industry_division_regime_note_length check (char_length(regime_note) <= 4000) not valid;

alter table industry_section
  add constraint industry_section_code_length check (char_length(code) <= 32) not valid,
  add constraint industry_section_division_from_length check (char_length(division_from) <= 32) not valid,
  add constraint industry_section_division_to_length check (char_length(division_to) <= 32) not valid,
  add constraint industry_section_name_length check (char_length(name) <= 200) not valid;

alter table supervision_rule
  add constraint supervision_rule_code_length check (char_length(code) <= 32) not valid,
  add constraint supervision_rule_name_length check (char_length(name) <= 200) not valid,
  add constraint supervision_rule_scales_size check (cardinality(scales) <= 10) not valid,
  add constraint supervision_rule_sector_length check (char_length(sector) <= 100) not valid;

select anjian_validate_bounds(array['city_key_list', 'enterprise', 'industry_division', 'industry_section', 'supervision_rule']);
