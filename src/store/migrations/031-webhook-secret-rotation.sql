-- Rotating a webhook endpoint's secret keeps the previous one signing for an overlap window, so a
-- receiver can switch without losing a delivery: while previous_secret_expires_at is in the future
-- each delivery carries a signature under both. A second rotation replaces the previous secret.
-- Both secrets are sealed at rest (secret-box.ts, purpose 'webhook'); rows from before this
-- migration hold their secret in clear until the worker's reseal pass seals them.
alter table webhook_endpoint add column previous_secret text;
alter table webhook_endpoint add column previous_secret_expires_at timestamptz;
alter table webhook_endpoint add column secret_rotated_at timestamptz;
