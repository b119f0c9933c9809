-- A send's status changes once or twice in its life (queued, then sent, bounced or withdrawn), and
-- no index covers it. With full pages, each of those updates wrote the row's new version on
-- another page, and so an entry in each of the table's four indexes: recording a pass of sent
-- e-mails was mostly index writes. Half-full pages keep the new version beside the old one (a HOT
-- update, no index entry). On 20,000 sends on PostgreSQL, updating each once, 5,000 at a time:
-- 12-16 ms per 5,000 instead of 98-122 ms, and the table and its indexes end at 1,495 pages
-- instead of 1,630 (the indexes no longer grow). Pages written from now on follow it; existing
-- rows move as they are updated (docs/benchmarks.md, ninth round).
alter table provisioning_email set (fillfactor = 50);
