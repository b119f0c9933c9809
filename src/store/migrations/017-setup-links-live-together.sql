-- A contact may hold several live setup links for one line: a resend or a reminder to the same
-- address adds a link and no longer revokes the earlier ones (a contact who opens the first
-- e-mail, or is half-way through the wizard, carries on). Links die at the point of no return,
-- at their expiry, or when the line's contact changes to another address.
drop index if exists setup_token_live;
create index setup_token_line_live on setup_token (subscription_id) where revoked_at is null and used_at is null;
