-- Support cases: the escalation path when resending the provisioning e-mail does not help before
-- the PONR. A case belongs to one order (optionally one of its lines); its requester is a signed-in
-- user or a provisioning contact who identified themselves by e-mail + web order id and reaches
-- the case through a link (only the SHA-256 of its key is kept).
create sequence support_case_number start with 1001;

create table support_case (
  id text primary key,
  type text not null check (type in ('resend_provisioning_email', 'change_provisioning_contact', 'other')),
  status text not null default 'open'
    check (status in ('open', 'in_progress', 'waiting_on_customer', 'resolved', 'closed')),
  order_id text not null references purchase_order (id),
  subscription_id text references subscription_line (subscription_id),
  description text not null,
  requester_user_id text references app_user (id),
  requester_name text not null,
  requester_email text not null,
  requester_language text not null check (requester_language in ('en', 'it')),
  access_key_hash bytea unique,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (requester_user_id is not null or access_key_hash is not null)
);
create index support_case_requester on support_case (requester_user_id, updated_at desc)
  where requester_user_id is not null;
create index support_case_queue on support_case (status, updated_at desc);
create index support_case_order on support_case (order_id);

-- Screenshots, checked by their first bytes (PNG, JPEG, WebP) before they are stored.
create table support_case_screenshot (
  id text primary key,
  case_id text not null references support_case (id),
  filename text not null,
  content_type text not null check (content_type in ('image/png', 'image/jpeg', 'image/webp')),
  size_bytes integer not null check (size_bytes > 0 and size_bytes <= 5242880),
  content bytea not null,
  created_at timestamptz not null
);
create index support_case_screenshot_case on support_case_screenshot (case_id, created_at);

-- What happened on a case, oldest first: opened, replies, status changes, actions on behalf.
create table support_case_event (
  id bigint generated always as identity primary key,
  case_id text not null references support_case (id),
  at timestamptz not null,
  actor_user_id text,
  actor_label text not null,
  kind text not null check (kind in ('opened', 'reply', 'status', 'resend', 'contact_change')),
  body text,
  data jsonb not null default '{}'
);
create index support_case_event_case on support_case_event (case_id, id);
