-- Identity for a real deployment: operators, distributor admins, deactivation, invitations,
-- personal API tokens (read-only or read-write, expiring, rollable), password-link purposes, and
-- the offer catalogue's policy periods in the database.

-- Roles: every organization kind has a user role and an admin role (customer: admin only;
-- the platform operator's organization: operators and support agents).
alter table app_user drop constraint app_user_role_check;
alter table app_user add constraint app_user_role_check check (role in (
  'partner_user', 'partner_admin', 'distributor_user', 'distributor_admin',
  'support_agent', 'operator', 'customer_admin'));
-- A deactivated user cannot sign in, and their sessions and API tokens stop at once.
alter table app_user add column deactivated_at timestamptz;
alter table app_user add column updated_at timestamptz;

-- A deactivated organization's users are all refused; its orders stay.
alter table organization add column deactivated_at timestamptz;
alter table organization add column updated_at timestamptz;

-- Personal API tokens: `onr_` + 256 random bits, only the SHA-256 kept. `hint` is the last four
-- characters, to tell tokens apart in a list. A rolled token keeps working until its (shortened)
-- `expires_at`: the grace period.
alter table api_token add column id text;
update api_token set id = 'tok_' || substr(encode(token_hash, 'hex'), 1, 20) where id is null;
alter table api_token alter column id set not null;
create unique index api_token_id on api_token (id);
alter table api_token add column read_only boolean not null default false;
alter table api_token add column expires_at timestamptz;
alter table api_token add column last_used_at timestamptz;
alter table api_token add column hint text not null default '';
alter table api_token add column rolled_at timestamptz;
alter table api_token add column rolled_to_id text;

-- Invitations to join an organization with a role. `token_hash` is the live link's hash: a resend
-- replaces it, so the old link stops; an expired link still matches (its page offers a new one).
create table invitation (
  id text primary key,
  organization_id text not null references organization (id),
  email text not null,
  role text not null,
  language text not null default 'en' check (language in ('en', 'it')),
  invited_by_user_id text references app_user (id),
  invited_by_label text not null,
  token_hash bytea not null unique,
  created_at timestamptz not null,
  sent_at timestamptz not null,
  expires_at timestamptz not null,
  send_count integer not null default 1,
  accepted_at timestamptz,
  accepted_user_id text references app_user (id),
  revoked_at timestamptz,
  bounced_at timestamptz,
  -- the outbox message key of the newest invitation e-mail, to match a bounce report to it
  message_key text
);
create index invitation_organization on invitation (organization_id, created_at desc);
create index invitation_email on invitation (lower(email));
create unique index invitation_message_key on invitation (message_key) where message_key is not null;

-- Password links: the welcome e-mail's, an invitation-free operator's first one, and recovery.
alter table password_token add column purpose text not null default 'welcome'
  check (purpose in ('welcome', 'bootstrap', 'reset'));

-- The offer catalogue: policy period (days after the first e-mail until an unprovisioned line
-- closes) and whether new orders may use it. `policy_days` null = not yet seeded from the
-- POLICY_* variables (done once, at start). A line keeps the period it was ordered with.
alter table offer add column policy_days integer check (policy_days between 1 and 365);
alter table offer add column active boolean not null default true;
alter table offer add column updated_at timestamptz;
alter table subscription_line add column policy_days integer;
create index subscription_line_unseeded_policy on subscription_line (offer_code) where policy_days is null;

-- Operator and admin actions concern an organization, not an order.
alter table audit_event add column organization_id text;
create index audit_event_organization on audit_event (organization_id, id) where organization_id is not null;
