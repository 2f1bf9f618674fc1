-- Every text column of the audit module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked (anjian_validate_bounds, V100).

alter table audit_chain_head
  add constraint audit_chain_head_last_hash_length check (char_length(last_hash) <= 128) not valid;

alter table audit_record
  add constraint audit_record_action_length check (char_length(action) <= 100) not valid,
  add constraint audit_record_actor_length check (char_length(actor) <= 100) not valid,
  add constraint audit_record_body_id_length check (char_length(body_id) <= 100) not valid,
  add constraint audit_record_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint audit_record_entity_id_length check (char_length(entity_id) <= 100) not valid,
  add constraint audit_record_entity_type_length check (char_length(entity_type) <= 100) not valid,
  add constraint audit_record_hash_length check (char_length(hash) <= 128) not valid,
  add constraint audit_record_prev_hash_length check (char_length(prev_hash) <= 128) not valid,
  add constraint audit_record_street_code_length check (char_length(street_code) <= 32) not valid;

select anjian_validate_bounds(array['audit_chain_head', 'audit_record']);
