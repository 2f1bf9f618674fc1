-- The administrator's search of the audit trail (issue 13): by actor, by action, by days, and by an enterprise's
-- credit code, which finds the records of every row about that enterprise (the code is in the row as it was
-- recorded). Each index ends with seq, so that a page of the newest matching records is read in order.
create index audit_record_actor on audit_record (actor, seq);
create index audit_record_action on audit_record (action, seq);
create index audit_record_occurred on audit_record (occurred_at);
create index audit_record_uscc on audit_record ((coalesce(after_state ->> 'uscc', before_state ->> 'uscc')), seq)
  where coalesce(after_state ->> 'uscc', before_state ->> 'uscc') is not null;
