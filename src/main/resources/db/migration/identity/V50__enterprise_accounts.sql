-- Accounts as the forms bound them (issue 13): a user name of 3 to 32 lower-case letters, digits or _ . -, a
-- letter first; a display name of 1 to 40 characters without surrounding spaces; an enterprise's credit code of
-- 18 characters of GB 32100's alphabet.
alter table app_user
  add constraint app_user_username_format check (username ~ '^[a-z][a-z0-9_.-]{2,31}$'),
  add constraint app_user_display_name_length
    check (char_length(display_name) between 1 and 40 and display_name = btrim(display_name)),
  add constraint app_user_enterprise_format check (enterprise_uscc ~ '^[0-9A-HJ-NP-RTUWXY]{18}$');

-- An enterprise's user belongs to an enterprise, and nobody else has one. Not validated against the rows written
-- before: an enterprise user opened without its enterprise is linked through the pages, and from now on every row
-- written satisfies it.
alter table app_user add constraint app_user_enterprise_link
  check (('ENTERPRISE' = any (roles)) = (enterprise_uscc is not null)) not valid;

-- The users of an enterprise, for its officers' accounts page.
create index app_user_enterprise on app_user (enterprise_uscc) where enterprise_uscc is not null;

-- The logged-in user as sessions keep it moved to identity's internal package (org.anjian.identity.internal
-- .AnjianPrincipal): a session written before cannot be read back, so everyone logs in again once.
delete from spring_session;
