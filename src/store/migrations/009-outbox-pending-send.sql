-- Withdrawing a line's queued e-mail (resend, contact change, mapping) looks up pending outbox rows
-- by send; without this index it scanned every pending row (EXPLAIN in docs/benchmarks.md), so a
-- resend slowed down as the outbox backlog grew.
create index outbox_pending_send on outbox (send_id) where status = 'pending';
