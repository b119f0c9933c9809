-- A claimed outbox row is in flight: a worker may be handing it to the SMTP server right now. The
-- lease used to be only `available_at` pushed forward, which a retry's backoff also does, so a
-- contact change could not tell "being sent" from "waiting to be retried" and withdrew both: an
-- e-mail that went out was recorded as superseded. The lease now has its own column; withdrawals
-- leave leased rows to the worker, which records what really happened.
alter table outbox add column leased_until timestamptz;

-- A provisioning e-mail the worker did not send because the order was set up (the PONR) meanwhile.
alter table provisioning_email drop constraint provisioning_email_status_check;
alter table provisioning_email add constraint provisioning_email_status_check
  check (status in ('queued', 'sent', 'failed', 'bounced', 'superseded', 'withdrawn'));
