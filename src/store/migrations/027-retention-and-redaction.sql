-- Retention (src/jobs/purge-expired-data.ts) deletes what has aged, 500 rows a statement; these
-- indexes (and 002's captured_mail_received) let each statement find its batch without scanning a table that only grows.
create index outbox_finished on outbox (topic, done_at) where status <> 'pending';
create index web_session_expires on web_session (expires_at);
create index setup_token_expires on setup_token (expires_at);

-- The audit trail stays append-only, with one explicit exception: `onramp erase-contact`
-- (src/app/erase-contact.ts) pseudonymizes a person's address and name in it. It sets
-- `onramp.redaction = on` for its own transaction only (set_config(…, true)); even then an update
-- may change only the words (actor_label, data), never which event it was, when, by whom or about
-- what. DELETE and TRUNCATE stay refused whatever the setting.
create or replace function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
  if tg_op = 'UPDATE'
    and coalesce(current_setting('onramp.redaction', true), '') = 'on'
    and new.id = old.id
    and new.at = old.at
    and new.action = old.action
    and new.actor_user_id is not distinct from old.actor_user_id
    and new.order_id is not distinct from old.order_id
    and new.subscription_id is not distinct from old.subscription_id
    and new.organization_id is not distinct from old.organization_id
  then
    return new;
  end if;
  raise exception 'audit_event is append-only';
end $$;
