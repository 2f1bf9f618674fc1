-- 复查销号 by two officers (issue 21, finding 7): the second officer of the re-inspection, an officer of the body that
-- acts on the hazard (organization's officer id, read by name through its API). Empty for hazards closed before.
alter table hazard add column verified_with bigint;
