-- One e-mail per contact per order: a provisioning e-mail that covers several lines of one order
-- (the same contact, the same event) is one outbox row and one setup link, held by its lead send.
-- Every other line it covers keeps its own send row (its own history and events), pointing to the
-- lead; the lead's status is theirs too (sent, failed, superseded, withdrawn, bounced).
alter table provisioning_email add column lead_send_id text references provisioning_email (id);
create index provisioning_email_lead on provisioning_email (lead_send_id) where lead_send_id is not null;
