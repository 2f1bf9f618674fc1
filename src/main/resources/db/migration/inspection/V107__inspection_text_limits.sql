-- Every text column of the inspection module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked (anjian_validate_bounds, V100).

alter table checklist_item
  add constraint checklist_item_clause_length check (char_length(clause) <= 4000) not valid,
  add constraint checklist_item_code_length check (char_length(code) <= 64) not valid,
  add constraint checklist_item_criterion_length check (char_length(criterion) <= 4000) not valid,
  add constraint checklist_item_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint checklist_item_industry_prefix_length check (char_length(industry_prefix) <= 32) not valid,
  add constraint checklist_item_legal_basis_length check (char_length(legal_basis) <= 4000) not valid,
  add constraint checklist_item_matter_length check (char_length(matter) <= 200) not valid,
  add constraint checklist_item_risk_tag_length check (char_length(risk_tag) <= 200) not valid,
  add constraint checklist_item_sector_length check (char_length(sector) <= 100) not valid,
  add constraint checklist_item_source_length check (char_length(source) <= 4000) not valid,
  add constraint checklist_item_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint checklist_item_text_length check (char_length(text) <= 4000) not valid;

alter table checklist_item_version
  add constraint checklist_item_version_changed_by_length check (char_length(changed_by) <= 100) not valid,
  add constraint checklist_item_version_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint checklist_item_version_street_code_length check (char_length(street_code) <= 32) not valid;

alter table inspection_material
  add constraint inspection_material_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint inspection_material_file_name_length check (char_length(file_name) <= 200) not valid,
  add constraint inspection_material_sha256_length check (char_length(sha256) <= 128) not valid,
  add constraint inspection_material_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint inspection_material_uploaded_by_length check (char_length(uploaded_by) <= 100) not valid;

alter table inspection_participant
  add constraint inspection_participant_confirmed_by_length check (char_length(confirmed_by) <= 100) not valid,
  add constraint inspection_participant_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint inspection_participant_opinion_length check (char_length(opinion) <= 4000) not valid,
  add constraint inspection_participant_opinion_basis_length check (char_length(opinion_basis) <= 4000) not valid,
  add constraint inspection_participant_street_code_length check (char_length(street_code) <= 32) not valid;

alter table inspection_photo
  add constraint inspection_photo_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint inspection_photo_sha256_length check (char_length(sha256) <= 128) not valid,
  add constraint inspection_photo_street_code_length check (char_length(street_code) <= 32) not valid,
  add constraint inspection_photo_uploaded_by_length check (char_length(uploaded_by) <= 100) not valid;

alter table inspection_plan_item
  add constraint inspection_plan_item_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint inspection_plan_item_module_length check (char_length(module) <= 100) not valid,
  add constraint inspection_plan_item_street_code_length check (char_length(street_code) <= 32) not valid;

alter table inspection_rating
  add constraint inspection_rating_comment_length check (char_length(comment) <= 4000) not valid,
  add constraint inspection_rating_conduct_length check (char_length(conduct) <= 100) not valid,
  add constraint inspection_rating_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint inspection_rating_integrity_length check (char_length(integrity) <= 100) not valid,
  add constraint inspection_rating_service_length check (char_length(service) <= 100) not valid,
  add constraint inspection_rating_street_code_length check (char_length(street_code) <= 32) not valid;

alter table inspection_result
  add constraint inspection_result_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint inspection_result_note_length check (char_length(note) <= 4000) not valid,
  add constraint inspection_result_recorded_by_length check (char_length(recorded_by) <= 100) not valid,
  add constraint inspection_result_street_code_length check (char_length(street_code) <= 32) not valid;

alter table inspection_task
  add constraint inspection_task_cancel_reason_length check (char_length(cancel_reason) <= 4000) not valid,
  add constraint inspection_task_code_token_length check (char_length(code_token) <= 100) not valid,
  add constraint inspection_task_created_by_length check (char_length(created_by) <= 100) not valid,
  add constraint inspection_task_district_code_length check (char_length(district_code) <= 32) not valid,
  add constraint inspection_task_document_number_length check (char_length(document_number) <= 100) not valid,
  add constraint inspection_task_matters_size check (cardinality(matters) <= 50) not valid,
  add constraint inspection_task_merged_reasons_size check (cardinality(merged_reasons) <= 100) not valid,
  add constraint inspection_task_plan_approved_by_length check (char_length(plan_approved_by) <= 100) not valid,
  add constraint inspection_task_reason_length check (char_length(reason) <= 4000) not valid,
  add constraint inspection_task_repeat_reason_length check (char_length(repeat_reason) <= 4000) not valid,
  add constraint inspection_task_street_code_length check (char_length(street_code) <= 32) not valid;

select anjian_validate_bounds(array['checklist_item', 'checklist_item_version', 'inspection_material', 'inspection_participant', 'inspection_photo', 'inspection_plan_item', 'inspection_rating', 'inspection_result', 'inspection_task']);
