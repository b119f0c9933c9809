-- Webhooks: partners and distributors register endpoints (URL + secret) for their organization.
-- Each event is fanned out at enqueue time into one outbox row (topic 'webhook') per active
-- endpoint, so every delivery has its own attempts and backoff; the outbox row's message_key is
-- the delivery id sent as Onramp-Delivery (the same on every retry).
create table webhook_endpoint (
  id text primary key,
  organization_id text not null references organization (id),
  url text not null,
  -- kept in clear because it signs every delivery (HMAC-SHA256); shown once, never returned again
  secret text not null,
  description text not null default '',
  created_by_user_id text references app_user (id),
  created_at timestamptz not null,
  -- deleted endpoints stay for their delivery log; they receive nothing more
  deleted_at timestamptz
);
create index webhook_endpoint_organization on webhook_endpoint (organization_id) where deleted_at is null;

alter table outbox add column webhook_endpoint_id text references webhook_endpoint (id);
create index outbox_webhook_endpoint on outbox (webhook_endpoint_id, id) where webhook_endpoint_id is not null;

-- The delivery log: one row per attempt, with the receiver's status code or the error (an excerpt).
create table webhook_attempt (
  id bigint generated always as identity primary key,
  outbox_id bigint not null references outbox (id),
  attempt integer not null,
  at timestamptz not null,
  response_status integer,
  error text
);
create index webhook_attempt_outbox on webhook_attempt (outbox_id, id);
