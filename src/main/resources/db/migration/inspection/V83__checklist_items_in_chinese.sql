-- Two 工贸 criteria (应急管理部令第10号, 第五条 and 第七条) were loaded by V15 with the reference file's English note of
-- how little of them was retrieved ("6 remaining items — topics only", "— topics only"), which the record page and
-- the documents printed to officers and enterprises. Each is revised as an administrator revises an item: the state
-- it replaces is kept as a version, the code stays, the version goes up, and the text says the same in Chinese; both
-- stay UNVERIFIED (待核对) until checked against the official text.
select set_config('anjian.action', 'checklist.revise', true);

insert into checklist_item_version (item_id, version, district_code, street_code, snapshot, changed_by)
select id, version, district_code, street_code, to_jsonb(c) - 'id' - 'version', 'system:migration'
from checklist_item c
where code in ('GM2023-05-08', 'GM2023-07-05') and text ~ '[A-Za-z]{3,}';

update checklist_item
set text = '人员聚集场所设在熔融金属吊运跨地坪区域内；熔融金属作业区积水；铸造流程缺紧急排放和应急储存设施；'
           || '可能产生砷化氢的场所未采取监测与防护；煤气（天然气）燃烧装置缺防熄火切断等（第五条其余6项的要点，原文待核对）',
    status = 'UNVERIFIED', version = version + 1
where code = 'GM2023-05-08' and text ~ '[A-Za-z]{3,}';

update checklist_item
set text = '涂装、喷漆作业（调漆间、喷漆室可燃气体监测报警与通风），燃气炉窑燃气管道监测与切断等（仅为要点，原文待核对）',
    status = 'UNVERIFIED', version = version + 1
where code = 'GM2023-07-05' and text ~ '[A-Za-z]{3,}';

select set_config('anjian.action', '', true);
