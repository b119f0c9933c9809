-- Idempotency-Key on the API's POST and PUT requests: the first response to a (user, key) is kept
-- for 24 hours and replayed to a retry with the same request; a different request under the same
-- key is refused. `status` is null while the first request is still running (a reservation), so a
-- concurrent duplicate is told to wait instead of running twice. 5xx answers are never kept: their
-- reservation is deleted and the client may retry.
create table idempotency_key (
  user_id text not null references app_user (id),
  key text not null,
  -- SHA-256 of method, path and body of the first request.
  request_hash bytea not null,
  status integer,
  content_type text,
  location text,
  body text,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  primary key (user_id, key)
);
create index idempotency_key_expiry on idempotency_key (expires_at);
