-- The dispatcher caps provisioning e-mails per recipient address and hour, across all partners
-- (PROVISIONING_EMAILS_PER_ADDRESS_PER_HOUR): before a claimed e-mail goes out it counts that
-- address's e-mails delivered in the last hour. These indexes find an address's sends (case aside)
-- and their outbox rows, so the count reads a handful of rows however long the history grows.
create index provisioning_email_address on provisioning_email (lower(to_email));
create index outbox_send on outbox (send_id) where send_id is not null;
