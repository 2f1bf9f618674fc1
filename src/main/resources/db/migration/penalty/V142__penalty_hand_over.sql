-- 查罚衔接: a violation a street body found, handed over to its district's enforcement body, which files and decides
-- the case; the street keeps reading it (row security: the case lies in its street).
alter table penalty_case add column handed_over_by bigint;
