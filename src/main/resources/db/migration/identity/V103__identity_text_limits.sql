-- Every text column of the identity module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked (anjian_validate_bounds, V100).

alter table app_user
  add constraint app_user_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint app_user_password_hash_length check (char_length(password_hash) <= 200) not valid,
  add constraint app_user_roles_size check (cardinality(roles) <= 10) not valid,
  add constraint app_user_street_code_length check (char_length(street_code) <= 32) not valid;

alter table login_failure
  add constraint login_failure_remote_address_length check (char_length(remote_address) <= 100) not valid,
  add constraint login_failure_username_length check (char_length(username) <= 100) not valid;

select anjian_validate_bounds(array['app_user', 'login_failure']);
