-- 行政处罚法第36条: when the act ended (or was last seen, for a continuing act) and when it was discovered, so that an
-- act not discovered within two years (five where life and health were harmed) is not filed.
alter table penalty_case
  add column act_ended_on   date,
  add column discovered_on  date,
  add column harmed_life    boolean not null default false;
