-- The fine the officer intends when recording the discretion (拟处罚款), so that the legal review sees it — and the
-- written reason where it lies outside the band the benchmark proposed — before the party is told (issue 15).
alter table penalty_case add column intended_amount bigint check (intended_amount >= 0);
