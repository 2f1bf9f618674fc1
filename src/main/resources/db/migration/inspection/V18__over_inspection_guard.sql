-- The over-inspection guard counts an enterprise's inspections by every body, across jurisdictions: this function
-- answers that count, and nothing else, whatever the caller's scope. It reads as the system for the one query and
-- puts the caller's scope back (an error in between aborts the transaction, and the scope with it).
create function anjian_inspections_of(p_uscc text, p_from date, p_to date, p_except bigint) returns integer
language plpgsql volatile as $$
declare
  v_scope text := current_setting('anjian.scope_kind', true);
  v_count integer;
begin
  perform set_config('anjian.scope_kind', 'SYSTEM', true);
  select count(*)::int into v_count from inspection_task
  where uscc = p_uscc and planned_on between p_from and p_to and status <> 'CANCELLED'
    and id is distinct from p_except;
  perform set_config('anjian.scope_kind', coalesce(v_scope, ''), true);
  return v_count;
end
$$;

-- Why the same officer inspects an enterprise a third time within a year after two inspections without findings.
alter table inspection_task add column repeat_reason text;
