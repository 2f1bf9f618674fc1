-- Every text column of the trigger module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked (anjian_validate_bounds, V100).

alter table alarm
  add constraint alarm_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint alarm_message_length check (char_length(message) <= 4000) not valid,
  add constraint alarm_source_alarm_id_length check (char_length(source_alarm_id) <= 100) not valid,
  add constraint alarm_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint alarm_threshold_length check (char_length(threshold) <= 100) not valid,
  add constraint alarm_value_length check (char_length(value) <= 100) not valid;

alter table alarm_source
  add constraint alarm_source_name_length check (char_length(name) <= 200) not valid,
  add constraint alarm_source_registered_by_length check (char_length(registered_by) <= 100) not valid,
  add constraint alarm_source_street_code_length check (char_length(street_code) <= 32) not valid;

alter table trigger_record
  add constraint trigger_record_cause_length check (char_length(cause) <= 200) not valid,
  add constraint trigger_record_decision_length check (char_length(decision) <= 4000) not valid,
  add constraint trigger_record_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint trigger_record_reason_length check (char_length(reason) <= 4000) not valid,
  add constraint trigger_record_signal_length check (char_length(signal) <= 4000) not valid,
  add constraint trigger_record_street_code_length check (char_length(street_code) <= 32) not valid;

alter table trigger_rule
  add constraint trigger_rule_created_by_length check (char_length(created_by) <= 100) not valid;

select anjian_validate_bounds(array['alarm', 'alarm_source', 'trigger_record', 'trigger_rule']);
