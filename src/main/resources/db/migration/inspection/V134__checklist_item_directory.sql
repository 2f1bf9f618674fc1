-- The checklist items other modules may read in SQL (issue 15: the penalty module links each item that can be
-- violated to its catalogue entries by the provision it cites): what an item checks and on which legal basis,
-- nothing else. security_invoker, so the reader sees exactly the items row security lets it see.
create view checklist_item_directory with (security_invoker = true) as
select id, code, text, legal_basis, clause, active, status
from checklist_item;
