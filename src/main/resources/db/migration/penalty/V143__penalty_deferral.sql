-- 行政处罚法第66条: payment deferred or in instalments, on the party's application and the body's approval; the
-- payments made so far add up in paid_amount until the fine (and any late charge) is paid.
alter table penalty_case
  add column deferred_to      date,
  add column instalments      int not null default 0 check (instalments between 0 and 12),
  add column deferral_reason  text,
  add constraint penalty_case_deferral_reason_length check (char_length(deferral_reason) <= 1000);
