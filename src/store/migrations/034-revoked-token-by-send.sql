-- The worker's re-check before each send asks whether a send's link was revoked while it was
-- queued; without an index that was a scan of every setup token, once per claimed e-mail.
create index setup_token_revoked_send on setup_token (send_id) where revoked_at is not null;
