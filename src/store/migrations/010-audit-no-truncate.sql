-- The audit trail is append-only: 001 refuses UPDATE and DELETE row by row; TRUNCATE skips row
-- triggers, so it gets its own statement-level trigger.
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_is_append_only();
