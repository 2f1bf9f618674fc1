-- The enterprise keeps reading its no-penalty decision after the case is closed (V132 let it read only while the
-- case stood at NOT_PUNISHED), and the evidence rows' places are bounded like every other text column.
drop policy enterprise_read on penalty_case;
create policy enterprise_read on penalty_case for select
  using ((select anjian_scope_kind()) = 'ENTERPRISE' and uscc = (select current_setting('anjian.enterprise', true))
         and (notified_on is not null or no_penalty_ground is not null));

alter table penalty_evidence
  add constraint penalty_evidence_district_code_length check (char_length(district_code) <= 12),
  add constraint penalty_evidence_street_code_length check (char_length(street_code) <= 12);
