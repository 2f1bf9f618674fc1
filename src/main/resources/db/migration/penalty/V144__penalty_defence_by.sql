-- Who stated the defence (the enterprise's own user online, or the officer who recorded it), so that pages name them.
alter table penalty_case
  add column defence_by text,
  add constraint penalty_case_defence_by_length check (char_length(defence_by) <= 100);
