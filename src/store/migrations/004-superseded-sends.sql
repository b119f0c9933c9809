-- A queued provisioning e-mail whose link a newer send, a contact change or the mapping revoked
-- must not go out with a dead link: its outbox row and its send become 'superseded'.
alter table outbox drop constraint outbox_status_check;
alter table outbox add constraint outbox_status_check check (status in ('pending', 'done', 'failed', 'superseded'));
alter table provisioning_email drop constraint provisioning_email_status_check;
alter table provisioning_email add constraint provisioning_email_status_check
  check (status in ('queued', 'sent', 'failed', 'bounced', 'superseded'));
