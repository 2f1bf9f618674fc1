-- The chain head was taken at a transaction's first audited write and held until its end, so every audited write of
-- the city waited for the longest transaction writing anything: a rating on the public inspection-code page waited
-- 17 s behind an import of 10,000 files and 4 s behind the regrade of the imported files (19-25 s before V71), and
-- long work in the background (imports, composing a city's plan) would hold up every officer's acts for as long.
--
-- Now a transaction's records wait in a table of its session (temporary, emptied at commit), written as before by
-- anjian_audit_append with the actor, body and action of the moment; at commit a deferred trigger takes the head,
-- links them in the order written, appends them to audit_record and moves the head once. The head is held only
-- while a transaction's records are linked; the chain itself (seq, prev_hash, hash, append-only records) is as it
-- was, and a transaction rolled back leaves no record. A record's time is the time it is linked, after the head is
-- taken, so that time still follows seq.

drop trigger audit_record_head on audit_record;
drop function anjian_audit_write_head();

-- At commit: the records of this transaction not yet linked (those from NEW.n on), once, at the first firing.
create function anjian_audit_chain() returns trigger language plpgsql as $$
declare
  v_seq  bigint;
  v_prev text;
  v_at   timestamptz;
  v_hash text;
  r      record;
begin
  if new.n <= coalesce(nullif(current_setting('anjian.audit_linked', true), '')::bigint, 0) then
    return null; -- linked already, with the records before it
  end if;
  select last_seq, last_hash into v_seq, v_prev from audit_chain_head where id = 1 for update;
  for r in select * from pg_temp.audit_pending where n >= new.n order by n loop
    v_at := date_trunc('microseconds', clock_timestamp());
    v_seq := v_seq + 1;
    v_hash := anjian_audit_hash(v_seq, v_prev, v_at, r.actor, r.body_id, r.district_code, r.street_code,
        r.entity_type, r.entity_id, r.action, r.before_state, r.after_state);
    insert into audit_record values (v_seq, v_at, r.actor, r.body_id, r.district_code, r.street_code, r.entity_type,
        r.entity_id, r.action, r.before_state::json, r.after_state::json, v_prev, v_hash);
    v_prev := v_hash;
    perform set_config('anjian.audit_linked', r.n::text, true);
  end loop;
  update audit_chain_head set last_seq = v_seq, last_hash = v_prev where id = 1;
  return null;
end
$$;

-- Keeps one record to be linked at commit; the session's table (and its deferred trigger) is made at its first use.
create or replace function anjian_audit_append(p_entity_type text, p_entity_id text, p_action text, p_before text,
    p_after text, p_district text, p_street text) returns void language plpgsql as $$
begin
  if to_regclass('pg_temp.audit_pending') is null then
    create temporary table audit_pending (
      n             bigint generated always as identity primary key,
      actor         text not null,
      body_id       text,
      district_code text,
      street_code   text,
      entity_type   text not null,
      entity_id     text,
      action        text not null,
      before_state  text,
      after_state   text
    ) on commit delete rows;
    create constraint trigger audit_pending_chain after insert on pg_temp.audit_pending
      deferrable initially deferred for each row execute function anjian_audit_chain();
  end if;
  insert into pg_temp.audit_pending (actor, body_id, district_code, street_code, entity_type, entity_id, action,
      before_state, after_state)
  values (coalesce(nullif(current_setting('anjian.actor', true), ''), session_user::text),
      nullif(current_setting('anjian.body', true), ''), p_district, p_street, p_entity_type, p_entity_id, p_action,
      p_before, p_after);
end
$$;
