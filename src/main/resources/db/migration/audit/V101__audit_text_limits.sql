-- Every text column of the audit module's tables is bounded in the database (issue 21: a 10,000,000-character
-- contact name and a 20,000,000-character inspection note were stored; free text had no limit). The limits fit each
-- column's meaning: codes 32 characters, user names and actors 100, names 200, addresses 500, notes, reasons and
-- descriptions 4,000; lists by their number of entries. The forms and the API refuse more with a Chinese error
-- naming the field (ErrorHandling and PageActs read the constraint: <table>_<column>_length or _size). Added
-- NOT VALID, then validated where the rows already written allow: a row stored before beyond its limit stays
-- readable (a warning names it) and every row written from now on is checked.

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

do $$
declare
  c record;
begin
  for c in select conrelid::regclass as t, conname from pg_constraint
           where not convalidated and (conname like '%\_length' or conname like '%\_size')
             and conrelid::regclass::text in ('audit_chain_head', 'audit_record') loop
    begin
      execute format('alter table %s validate constraint %I', c.t, c.conname);
    exception when check_violation then
      raise warning '% holds rows beyond the limit % sets: kept, and every new row is checked', c.t, c.conname;
    end;
  end loop;
end
$$;
