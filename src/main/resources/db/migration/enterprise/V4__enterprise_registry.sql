-- The enterprise registry (一企一档).

create extension if not exists pg_trgm; -- name-fragment search among a million files

create table enterprise (
  uscc                  text primary key check (length(uscc) = 18),
  name                  text not null,
  former_names          text[] not null default '{}',
  legal_representative  text,
  safety_manager        text,
  safety_manager_phone  text,
  address               text,
  district_code         text not null references jurisdiction (code),
  street_code           text references jurisdiction (code),
  longitude             numeric(9, 6),
  latitude              numeric(9, 6),
  industry_code         text references industry_division (code),
  sector                text not null check (sector in ('HAZCHEM', 'INDUSTRY_TRADE')),
  sector_subtype        text not null,
  risk_tags             text[] not null default '{}',
  major_hazard_level    smallint check (major_hazard_level between 1 and 4),
  scale                 text not null check (scale in ('LARGE', 'MEDIUM', 'SMALL', 'MICRO')),
  employees             int check (employees >= 0),
  key_unit              boolean not null default false,
  key_unit_reason       text,
  parent_group          text,
  supervision_level     text not null check (supervision_level in ('CITY', 'DISTRICT', 'STREET')),
  supervising_body_id   bigint not null references enforcement_body (id),
  level_rule            text,            -- the rule that gave the level, or null when an officer overrode it
  level_override_reason text,
  standardization_grade text not null default 'NONE' check (standardization_grade in ('LEVEL_1', 'LEVEL_2', 'LEVEL_3', 'NONE')),
  liability_insurance   boolean not null default false,
  operating_status      text not null default 'OPERATING' check (operating_status in ('OPERATING', 'SUSPENDED', 'DEREGISTERED')),
  version               int not null,
  check (key_unit = false or key_unit_reason is not null),
  check ((major_hazard_level is null) = not ('MAJOR_HAZARD_INSTALLATION' = any (risk_tags)))
);
create index enterprise_place on enterprise (district_code, street_code);
create index enterprise_district_sector on enterprise (district_code, sector, supervision_level);
create index enterprise_tags on enterprise using gin (risk_tags);
create index enterprise_name_trgm on enterprise using gin (name gin_trgm_ops);
create index enterprise_key_units on enterprise (district_code) where key_unit;
create index enterprise_body on enterprise (supervising_body_id);

call anjian_scope_table('enterprise', false);
-- An enterprise's own user reads and updates its own file (which fields, the application decides).
create policy own_file_read on enterprise for select
  using (anjian_scope_kind() = 'ENTERPRISE' and uscc = current_setting('anjian.enterprise', true));
create policy own_file_update on enterprise for update
  using (anjian_scope_kind() = 'ENTERPRISE' and uscc = current_setting('anjian.enterprise', true))
  with check (anjian_scope_kind() = 'ENTERPRISE' and uscc = current_setting('anjian.enterprise', true));
call anjian_audit_table('enterprise');

-- The city's key list (市级重点监管名单): enterprises the city corps supervises itself.
create table city_key_list (
  uscc   text primary key check (length(uscc) = 18),
  name   text not null,
  reason text not null,
  version int not null default 0
);
call anjian_audit_table('city_key_list');

-- Which level supervises an enterprise by default: the first rule (by priority) whose every condition
-- holds; a null condition holds for any enterprise. Kept as data so that a bureau can change it.
create table supervision_rule (
  code           text primary key,
  priority       int not null unique,
  name           text not null,
  on_city_list   boolean,
  sector         text,
  key_unit       boolean,
  scales         text[],
  level          text not null check (level in ('CITY', 'DISTRICT', 'STREET')),
  version        int not null default 0
);
call anjian_audit_table('supervision_rule');

insert into supervision_rule (code, priority, name, on_city_list, sector, key_unit, scales, level) values
  ('CITY_KEY_LIST',        10, '列入市级重点监管名单的企业由市执法总队监管', true, null, null, null, 'CITY'),
  ('HAZCHEM',              20, '危险化学品企业由区执法大队监管', null, 'HAZCHEM', null, null, 'DISTRICT'),
  ('KEY_INDUSTRY_TRADE',   30, '工贸行业重点单位由区执法大队监管', null, 'INDUSTRY_TRADE', true, null, 'DISTRICT'),
  ('LARGE_INDUSTRY_TRADE', 40, '大中型工贸企业由区执法大队监管', null, 'INDUSTRY_TRADE', null, '{LARGE,MEDIUM}', 'DISTRICT'),
  ('SMALL_INDUSTRY_TRADE', 50, '小微工贸企业由街镇监管', null, 'INDUSTRY_TRADE', null, '{SMALL,MICRO}', 'STREET'),
  ('DEFAULT',              99, '其他企业由区执法大队监管', null, null, null, null, 'DISTRICT');

-- The seeds (沪应急总队〔2023〕26号) list 上海石化, 高桥石化, 宝钢股份 and 宝武特冶 as city key units. The two
-- whose published credit codes are known are listed here; the other two join when their codes are confirmed.
insert into city_key_list (uscc, name, reason) values
  ('91310000132212291W', '中国石化上海石油化工股份有限公司', '炼化企业，列为市重点单位（沪应急总队〔2023〕26号）'),
  ('91310000631696382C', '宝山钢铁股份有限公司', '钢铁企业，列为市重点单位（沪应急总队〔2023〕26号）');
