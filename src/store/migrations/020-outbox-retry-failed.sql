-- A send that failed because no SMTP server took it (not because one refused it) is tried again
-- once the server is back, while its link still works: `retry_until` says until when (the link's
-- deadline), null means never (a refusal, a payload that did not parse, a row finished before
-- this). Until then the row keeps its payload, secrets sealed (see src/store/secret-box.ts).
alter table outbox add column retry_until timestamptz;
create index outbox_retryable on outbox (retry_until) where status = 'failed' and retry_until is not null;
