-- The audit chain head was updated once per record; in a transaction writing thousands of records (an import)
-- each update of that one row had to walk past all its earlier versions of the same transaction, so the cost
-- grew with the square of the records. Now a transaction locks the head at its first record, carries seq and
-- hash in transaction-local settings, and writes the head once, at commit, from a deferred trigger. The chain
-- itself (seq, prev_hash, hash) is exactly as before, and writers are still serialised by the head's lock.

create or replace function anjian_audit_append(p_entity_type text, p_entity_id text, p_action text, p_before text,
    p_after text, p_district text, p_street text) returns void language plpgsql as $$
declare
  v_txn    text := txid_current()::text;
  v_seq    bigint;
  v_prev   text;
  v_at     timestamptz;
  v_actor  text := coalesce(nullif(current_setting('anjian.actor', true), ''), session_user::text);
  v_body   text := nullif(current_setting('anjian.body', true), '');
  v_hash   text;
begin
  if current_setting('anjian.audit_txn', true) is distinct from v_txn then
    select last_seq, last_hash into v_seq, v_prev from audit_chain_head where id = 1 for update;
    perform set_config('anjian.audit_txn', v_txn, true);
  else
    v_seq := current_setting('anjian.audit_seq')::bigint;
    v_prev := current_setting('anjian.audit_hash');
  end if;
  v_at := date_trunc('microseconds', clock_timestamp()); -- after the lock, so that time follows seq
  v_seq := v_seq + 1;
  v_hash := anjian_audit_hash(v_seq, v_prev, v_at, v_actor, v_body, p_district, p_street, p_entity_type,
      p_entity_id, p_action, p_before, p_after);
  insert into audit_record values (v_seq, v_at, v_actor, v_body, p_district, p_street, p_entity_type, p_entity_id,
      p_action, p_before::json, p_after::json, v_prev, v_hash);
  perform set_config('anjian.audit_seq', v_seq::text, true);
  perform set_config('anjian.audit_hash', v_hash, true);
end
$$;

-- Fires at commit for each record of the transaction; only the first call writes the head.
create function anjian_audit_write_head() returns trigger language plpgsql as $$
begin
  if current_setting('anjian.audit_head_written', true) is distinct from current_setting('anjian.audit_seq', true) then
    update audit_chain_head set last_seq = current_setting('anjian.audit_seq')::bigint,
                                last_hash = current_setting('anjian.audit_hash')
    where id = 1;
    perform set_config('anjian.audit_head_written', current_setting('anjian.audit_seq'), true);
  end if;
  return null;
end
$$;

create constraint trigger audit_record_head after insert on audit_record
  deferrable initially deferred for each row execute function anjian_audit_write_head();
