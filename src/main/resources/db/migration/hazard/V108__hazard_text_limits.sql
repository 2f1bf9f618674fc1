-- Every text column of the hazard module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked (anjian_validate_bounds, V100).

alter table department_notice
  add constraint department_notice_department_name_length check (char_length(department_name) <= 200) not valid,
  add constraint department_notice_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint department_notice_reply_length check (char_length(reply) <= 4000) not valid,
  add constraint department_notice_reply_recorded_by_length check (char_length(reply_recorded_by) <= 100) not valid,
  add constraint department_notice_request_length check (char_length(request) <= 4000) not valid,
  add constraint department_notice_sent_by_length check (char_length(sent_by) <= 100) not valid,
  add constraint department_notice_street_code_length check (char_length(street_code) <= 32) not valid;

alter table hazard
  add constraint hazard_acting_code_length check (char_length(acting_code) <= 32) not valid,
  add constraint hazard_description_length check (char_length(description) <= 4000) not valid,
  add constraint hazard_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint hazard_legal_basis_length check (char_length(legal_basis) <= 4000) not valid,
  add constraint hazard_rectification_note_length check (char_length(rectification_note) <= 4000) not valid,
  add constraint hazard_reinspection_note_length check (char_length(reinspection_note) <= 4000) not valid,
  add constraint hazard_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint hazard_verified_by_length check (char_length(verified_by) <= 100) not valid;

alter table hazard_evidence
  add constraint hazard_evidence_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint hazard_evidence_file_name_length check (char_length(file_name) <= 200) not valid,
  add constraint hazard_evidence_sha256_length check (char_length(sha256) <= 128) not valid,
  add constraint hazard_evidence_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint hazard_evidence_uploaded_by_length check (char_length(uploaded_by) <= 100) not valid;

alter table hazard_listing
  add constraint hazard_listing_delisted_by_length check (char_length(delisted_by) <= 100) not valid,
  add constraint hazard_listing_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint hazard_listing_listed_by_length check (char_length(listed_by) <= 100) not valid,
  add constraint hazard_listing_reason_length check (char_length(reason) <= 4000) not valid,
  add constraint hazard_listing_responsible_name_length check (char_length(responsible_name) <= 200) not valid,
  add constraint hazard_listing_responsible_phone_length check (char_length(responsible_phone) <= 40) not valid,
  add constraint hazard_listing_responsible_position_length check (char_length(responsible_position) <= 200) not valid,
  add constraint hazard_listing_street_code_length check (char_length(street_code) <= 32) not valid;

alter table hazard_progress
  add constraint hazard_progress_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint hazard_progress_reported_by_length check (char_length(reported_by) <= 100) not valid,
  add constraint hazard_progress_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint hazard_progress_text_length check (char_length(text) <= 4000) not valid;

alter table hazard_reminder
  add constraint hazard_reminder_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint hazard_reminder_street_code_length check (char_length(street_code) <= 32) not valid;

select anjian_validate_bounds(array['department_notice', 'hazard', 'hazard_evidence', 'hazard_listing', 'hazard_progress', 'hazard_reminder']);
