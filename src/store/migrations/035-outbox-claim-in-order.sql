-- The worker claims due rows with `where status = 'pending' and topic = $1 and available_at <= $2
-- order by available_at, id limit $3`. An index on available_at alone made each claim read and
-- sort every due row to take the first few: in an RSD burst, 6,600 rows read and sorted for a
-- claim of 100 (12 ms; docs/benchmarks.md, seventh round). In the claim's own order, the scan
-- stops at the rows it takes.
drop index outbox_due;
create index outbox_due on outbox (topic, available_at, id) where status = 'pending';
