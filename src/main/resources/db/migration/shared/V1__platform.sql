-- Platform: jurisdiction scope functions, the audit trail, HTTP sessions.

-- The caller's scope is set on every connection by ScopedDataSource (anjian.scope_kind = SYSTEM, CITY,
-- DISTRICT, STREET, ENTERPRISE or NONE). Unset means NONE: a connection that nobody scoped sees nothing. An
-- ENTERPRISE caller (anjian.enterprise = its credit code) sees no jurisdiction-bound row; tables about an
-- enterprise add a policy for its own rows.
create function anjian_scope_kind() returns text language sql stable as $$
  select coalesce(nullif(current_setting('anjian.scope_kind', true), ''), 'NONE')
$$;

-- A row strictly inside the caller's scope (what the caller may see and change).
create function anjian_in_scope(row_district text, row_street text) returns boolean language sql stable as $$
  select coalesce(case anjian_scope_kind()
    when 'SYSTEM' then true
    when 'CITY' then true
    when 'DISTRICT' then row_district = current_setting('anjian.scope_district', true)
    when 'STREET' then row_street = current_setting('anjian.scope_street', true)
    else false end, false)
$$;

-- A row inside the caller's scope or at a level above it on the same branch (the city corps, one's own
-- district brigade): readable, for example to know who the supervising body is, but not changeable.
create function anjian_in_scope_or_above(row_district text, row_street text) returns boolean language sql stable as $$
  select coalesce(case anjian_scope_kind()
    when 'SYSTEM' then true
    when 'CITY' then true
    when 'DISTRICT' then row_district is null or row_district = current_setting('anjian.scope_district', true)
    when 'STREET' then row_district is null
      or (row_district = current_setting('anjian.scope_district', true)
          and (row_street is null or row_street = current_setting('anjian.scope_street', true)))
    else false end, false)
$$;

-- Scopes a jurisdiction-bound table: it must have district_code and street_code columns.
-- readable_above: rows of the levels above the caller are readable too.
create procedure anjian_scope_table(target regclass, readable_above boolean) language plpgsql as $$
begin
  execute format('alter table %s enable row level security', target);
  execute format('alter table %s force row level security', target);
  execute format('create policy scope_read on %s for select using (%s(district_code, street_code))',
                 target, case when readable_above then 'anjian_in_scope_or_above' else 'anjian_in_scope' end);
  execute format('create policy scope_insert on %s for insert with check (anjian_in_scope(district_code, street_code))', target);
  execute format('create policy scope_update on %s for update using (anjian_in_scope(district_code, street_code))'
                 ' with check (anjian_in_scope(district_code, street_code))', target);
  execute format('create policy scope_delete on %s for delete using (anjian_in_scope(district_code, street_code))', target);
end
$$;

-- The audit trail: append-only, one row per written row, in the writing transaction, hash-chained.
-- hash = SHA-256 of the canonical text of (seq, prev_hash and every recorded field), each field encoded as
-- <octet length>:<value>; and a null as -; (org.anjian.audit.internal.AuditHash computes the same in Java).
create table audit_record (
  seq          bigint primary key,
  occurred_at  timestamptz not null,
  actor        text not null,
  body_id      text,
  district_code text,
  street_code  text,
  entity_type  text not null,
  entity_id    text,
  action       text not null,
  before_state json,
  after_state  json,
  prev_hash    text not null,
  hash         text not null
);
create index audit_record_entity on audit_record (entity_type, entity_id, seq);

create table audit_chain_head (
  id        int primary key check (id = 1),
  last_seq  bigint not null,
  last_hash text not null
);
insert into audit_chain_head values (1, 0, repeat('0', 64));

create function anjian_audit_field(v text) returns text language sql immutable as $$
  select case when v is null then '-;' else octet_length(v) || ':' || v || ';' end
$$;

create function anjian_audit_hash(seq bigint, prev_hash text, occurred_at timestamptz, actor text, body_id text,
    district_code text, street_code text, entity_type text, entity_id text, action text,
    before_state text, after_state text) returns text language sql immutable as $$
  select encode(sha256(convert_to(
    anjian_audit_field(seq::text) || anjian_audit_field(prev_hash)
    || anjian_audit_field(((extract(epoch from occurred_at) * 1000000)::bigint)::text)
    || anjian_audit_field(actor) || anjian_audit_field(body_id) || anjian_audit_field(district_code)
    || anjian_audit_field(street_code) || anjian_audit_field(entity_type) || anjian_audit_field(entity_id)
    || anjian_audit_field(action) || anjian_audit_field(before_state) || anjian_audit_field(after_state), 'UTF8')), 'hex')
$$;

-- Appends one record to the chain, as the connection's actor and body. The chain head serialises writers:
-- each record links to the one committed before it.
create function anjian_audit_append(p_entity_type text, p_entity_id text, p_action text, p_before text,
    p_after text, p_district text, p_street text) returns void language plpgsql as $$
declare
  head     audit_chain_head%rowtype;
  v_seq    bigint;
  v_at     timestamptz;
  v_actor  text := coalesce(nullif(current_setting('anjian.actor', true), ''), session_user::text);
  v_body   text := nullif(current_setting('anjian.body', true), '');
  v_hash   text;
begin
  select * into head from audit_chain_head where id = 1 for update;
  v_at := date_trunc('microseconds', clock_timestamp()); -- after the lock, so that time follows seq
  v_seq := head.last_seq + 1;
  v_hash := anjian_audit_hash(v_seq, head.last_hash, v_at, v_actor, v_body, p_district, p_street, p_entity_type,
      p_entity_id, p_action, p_before, p_after);
  insert into audit_record values (v_seq, v_at, v_actor, v_body, p_district, p_street, p_entity_type, p_entity_id,
      p_action, p_before::json, p_after::json, head.last_hash, v_hash);
  update audit_chain_head set last_seq = v_seq, last_hash = v_hash where id = 1;
end
$$;

-- Records every written row. A bulk load by the system (anjian.bulk = on, e.g. the data generator's COPY of a
-- million enterprises) records one summary through anjian_audit_append instead of one record per row.
create function anjian_audit() returns trigger language plpgsql as $$
declare
  v_row    jsonb;
  v_before text;
  v_after  text;
begin
  if current_setting('anjian.bulk', true) = 'on' and anjian_scope_kind() = 'SYSTEM' then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') then
    v_before := (to_jsonb(old) - 'password_hash')::text;
  end if;
  if tg_op in ('INSERT', 'UPDATE') then
    v_after := (to_jsonb(new) - 'password_hash')::text;
  end if;
  if tg_op = 'UPDATE' and v_before = v_after then
    return null; -- nothing changed, nothing to record
  end if;
  v_row := case when tg_op = 'DELETE' then to_jsonb(old) else to_jsonb(new) end;
  perform anjian_audit_append(tg_table_name::text, coalesce(v_row->>'id', v_row->>'code', v_row->>'uscc'),
      coalesce(nullif(current_setting('anjian.action', true), ''), lower(tg_op)), v_before, v_after,
      v_row->>'district_code', v_row->>'street_code');
  return null;
end
$$;

-- Attaches the audit trail to a table: every insert, update and delete of a row is recorded.
create procedure anjian_audit_table(target regclass) language plpgsql as $$
begin
  execute format('create trigger audit after insert or update or delete on %s for each row execute function anjian_audit()', target);
end
$$;

-- Append-only: the application can neither change nor remove what was recorded.
create function anjian_audit_immutable() returns trigger language plpgsql as $$
begin
  raise exception '审计记录只能追加，不能修改或删除（记录 %）', old.seq;
end
$$;
create function anjian_audit_not_truncatable() returns trigger language plpgsql as $$
begin
  raise exception '审计记录只能追加，不能清空';
end
$$;
create trigger audit_record_append_only before update or delete on audit_record
  for each row execute function anjian_audit_immutable();
create trigger audit_record_no_truncate before truncate on audit_record
  for each statement execute function anjian_audit_not_truncatable();

alter table audit_record enable row level security;
alter table audit_record force row level security;
create policy scope_read on audit_record for select using (anjian_in_scope(district_code, street_code));
create policy append on audit_record for insert with check (true);
-- Updates and deletes reach every row so that the append-only trigger refuses them loudly, instead of
-- row-level security silently matching nothing.
create policy refuse_update on audit_record for update using (true);
create policy refuse_delete on audit_record for delete using (true);

-- HTTP sessions (Spring Session JDBC), so that any instance behind a load balancer serves any user.
create table spring_session (
  primary_id            char(36) not null,
  session_id            char(36) not null,
  creation_time         bigint not null,
  last_access_time      bigint not null,
  max_inactive_interval int not null,
  expiry_time           bigint not null,
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36) not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id) references spring_session (primary_id) on delete cascade
);

-- Spring Modulith's event publication registry: events between modules survive a restart until handled.
create table event_publication (
  id                     uuid primary key,
  listener_id            text not null,
  event_type             text not null,
  serialized_event       text not null,
  publication_date       timestamptz not null,
  completion_date        timestamptz,
  status                 text,
  completion_attempts    int,
  last_resubmission_date timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);
