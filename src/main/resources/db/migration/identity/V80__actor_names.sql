-- The names of the actors the records keep (issue 13): pages show who did something by name, never by user name. A
-- record the caller may read names its actor, whose account may lie outside the caller's jurisdiction (the city's
-- leader who approved a district's plan, the district officer who found a hazard in a street), so the look-up reads
-- the accounts as the system does, for the duration of the call only, and answers nothing but the display name,
-- the roles and the name of the body: no password, no scope, no enterprise. (A function's own SET clause cannot name
-- the application's setting without a superuser: the setting is changed for the transaction and put back.)
create function anjian_actor_names(usernames text[])
  returns table (username text, display_name text, roles text[], body_name text)
  language plpgsql volatile
as $$
declare
  caller text := coalesce(current_setting('anjian.scope_kind', true), '');
begin
  perform set_config('anjian.scope_kind', 'SYSTEM', true);
  return query
    select u.username, u.display_name, u.roles, b.name
    from app_user u left join body_directory b on b.id = u.body_id
    where u.username = any (usernames);
  perform set_config('anjian.scope_kind', caller, true);
end
$$;
