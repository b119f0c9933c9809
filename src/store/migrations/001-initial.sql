-- Onramp schema, version 1. Forward only: change it with a new numbered file, never by editing this one.

create table organization (
  id text primary key,
  kind text not null check (kind in ('partner', 'distributor', 'customer', 'operator')),
  name text not null,
  -- customer organizations: ISO 3166 alpha-2 country and the data region it fixes (immutable once set)
  country text,
  data_region text,
  created_at timestamptz not null
);
create index organization_name_lower on organization (lower(name) text_pattern_ops);

create table app_user (
  id text primary key,
  organization_id text not null references organization (id),
  role text not null check (role in ('partner_user', 'partner_admin', 'distributor_user', 'support_agent', 'customer_admin')),
  name text not null,
  email text not null,
  language text not null default 'en' check (language in ('en', 'it')),
  password_hash text,
  created_at timestamptz not null
);
create unique index app_user_email on app_user (lower(email));
create index app_user_organization on app_user (organization_id);

-- API bearer tokens: only the SHA-256 of the token is kept.
create table api_token (
  token_hash bytea primary key,
  user_id text not null references app_user (id),
  label text not null default '',
  created_at timestamptz not null,
  revoked_at timestamptz
);
create index api_token_user on api_token (user_id);

-- Set-password links for customer admins (welcome e-mail): hash only, single use, expiring.
create table password_token (
  token_hash bytea primary key,
  user_id text not null references app_user (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_token_user on password_token (user_id);

-- The offer catalogue; the close policy per offer lives in the policy table (config), not here.
create table offer (
  code text primary key,
  name text not null
);
insert into offer (code, name) values
  ('A-FLEX', 'Active Flex'),
  ('A-FLEX-3', 'Active Flex 3-year'),
  ('MEET-PRO', 'Meetings Pro'),
  ('CALL-STD', 'Calling Standard'),
  ('CONTACT-CTR', 'Contact Center'),
  ('MSG-ENT', 'Messaging Enterprise');

create table purchase_order (
  id text primary key,
  web_order_id text not null unique,
  partner_id text not null references organization (id),
  distributor_id text references organization (id),
  placed_by_user_id text not null references app_user (id),
  end_customer_name text not null,
  submitted_at timestamptz not null,
  -- the point of no return: the order is mapped to a customer organization
  customer_organization_id text references organization (id),
  mapped_at timestamptz,
  mapped_by_email text
);
create index purchase_order_partner on purchase_order (partner_id, submitted_at desc);
create index purchase_order_distributor on purchase_order (distributor_id, submitted_at desc) where distributor_id is not null;
create index purchase_order_customer on purchase_order (customer_organization_id) where customer_organization_id is not null;
create index purchase_order_placed_by on purchase_order (placed_by_user_id);

create sequence subscription_number start with 100000001;

create table subscription_line (
  subscription_id text primary key,
  order_id text not null references purchase_order (id),
  line_no integer not null,
  offer_code text not null references offer (code),
  quantity integer not null check (quantity > 0),
  rsd date not null,
  status text not null check (status in ('booked', 'awaiting_provisioning_details', 'provisioned', 'closed', 'cancelled')),
  pending_provisioning boolean not null default false,
  contact_name text not null,
  contact_email text not null,
  contact_language text not null check (contact_language in ('en', 'it')),
  rsd_at timestamptz not null,
  first_email_at timestamptz,
  reminders_sent integer not null default 0,
  -- due-time column: when the worker must next look at the line (RSD, reminder, auto-close); null = never
  next_action_at timestamptz,
  closed_at timestamptz,
  cancelled_at timestamptz,
  provisioned_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  unique (order_id, line_no)
);
create index subscription_line_due on subscription_line (next_action_at) where next_action_at is not null;
create index subscription_line_status on subscription_line (status, pending_provisioning);
create index subscription_line_contact on subscription_line (lower(contact_email));

-- Setup links: only the SHA-256 of the 256-bit token is kept; one live token per line.
create table setup_token (
  token_hash bytea primary key,
  subscription_id text not null references subscription_line (subscription_id),
  send_id text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null,
  revoked_at timestamptz,
  revoked_reason text,
  used_at timestamptz
);
create unique index setup_token_live on setup_token (subscription_id) where revoked_at is null and used_at is null;

-- Every provisioning e-mail send: who asked, when, to whom, and its delivery status.
create table provisioning_email (
  id text primary key,
  -- insertion order: sends queued in the same instant still list in the order they were made
  seq bigint generated always as identity,
  subscription_id text not null references subscription_line (subscription_id),
  reason text not null check (reason in ('rsd', 'resend', 'contact_change', 'reminder')),
  requested_by_user_id text references app_user (id),
  requested_by_label text not null,
  to_name text not null,
  to_email text not null,
  language text not null,
  status text not null default 'queued' check (status in ('queued', 'sent', 'failed', 'bounced')),
  status_detail text,
  created_at timestamptz not null,
  status_at timestamptz not null
);
create index provisioning_email_line on provisioning_email (subscription_id, seq);

-- Transactional outbox: written in the same transaction as the change that causes it.
-- A worker claims due rows with FOR UPDATE SKIP LOCKED and pushes available_at forward as a lease,
-- so a crashed worker's rows come back by themselves.
create table outbox (
  id bigint generated always as identity primary key,
  topic text not null,
  payload jsonb not null,
  -- stable identity of the message (Message-ID), so a retry after a crash is the same message
  message_key text not null unique,
  send_id text references provisioning_email (id),
  status text not null default 'pending' check (status in ('pending', 'done', 'failed')),
  attempts integer not null default 0,
  available_at timestamptz not null,
  last_error text,
  created_at timestamptz not null,
  done_at timestamptz
);
create index outbox_due on outbox (available_at) where status = 'pending';

-- Append-only audit trail: every send, contact change, mapping and agent action.
create table audit_event (
  id bigint generated always as identity primary key,
  at timestamptz not null,
  actor_user_id text,
  actor_label text not null,
  action text not null,
  order_id text,
  subscription_id text,
  data jsonb not null default '{}'
);
create index audit_event_subscription on audit_event (subscription_id, id) where subscription_id is not null;
create index audit_event_order on audit_event (order_id, id) where order_id is not null;

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only';
end $$;
create trigger audit_event_append_only before update or delete on audit_event
  for each row execute function audit_event_is_append_only();
