-- The audit chain anchored outside the database (issue 21, finding 4): a database superuser could rewrite a record
-- and recompute every hash after it, and the chain verified intact. Now the application signs the chain head at
-- intervals with an Ed25519 key the database does not hold (ADR 0009) and keeps each signed head here, on a public
-- page and in a file an operator copies elsewhere. A rewrite changes the hash at every later signed head, which no
-- one without the key can sign again.
--
-- Each signed head covers the records after the previous one (from_seq, seq]: their hashes' first 8 bytes, in seq
-- order (fingerprints), so that verification names the first record whose content changed, not just the interval;
-- the signature covers the fingerprints' SHA-256, so they cannot be changed either.
create table audit_anchor (
  id                  bigint generated always as identity primary key,
  from_seq            bigint not null check (from_seq >= 0),
  seq                 bigint not null,
  hash                text not null check (hash ~ '^[0-9a-f]{64}$'),
  anchored_at         timestamptz not null,
  fingerprints        bytea not null,
  fingerprints_sha256 text not null check (fingerprints_sha256 ~ '^[0-9a-f]{64}$'),
  key_id              text not null check (length(key_id) <= 64),
  signature           text not null check (length(signature) <= 200),
  -- who asked: the scheduled job, or the administrator who pressed the button (not shown on the public page)
  made_by             text not null check (length(made_by) <= 200),
  check (seq >= from_seq),
  check (octet_length(fingerprints) = 8 * (seq - from_seq))
);
create index audit_anchor_seq on audit_anchor (seq);

-- Append-only, as audit_record is: the application's role may read and add signed heads, never change or remove one.
-- The role owns the table (Flyway creates it as that role), so its privileges are revoked from it here, and a trigger
-- refuses what a role granted them again would try; a superuser can still bypass both, which is what the signatures
-- are for.
revoke update, delete, truncate on audit_anchor from current_user;
create function anjian_audit_anchor_immutable() returns trigger language plpgsql as $$
begin
  raise exception '已签名的链头只能追加，不能修改或删除';
end
$$;
create trigger audit_anchor_append_only before update or delete on audit_anchor
  for each row execute function anjian_audit_anchor_immutable();
create trigger audit_anchor_no_truncate before truncate on audit_anchor
  for each statement execute function anjian_audit_anchor_immutable();

-- Public by nature: anyone may read the signed heads (they hold hashes, times and signatures, nothing about anyone);
-- only the system signs.
alter table audit_anchor enable row level security;
alter table audit_anchor force row level security;
create policy public_read on audit_anchor for select using (true);
create policy system_signs on audit_anchor for insert with check (anjian_scope_kind() = 'SYSTEM');
