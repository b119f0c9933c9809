-- A join request: a provisioning contact chose an existing customer organization they do not
-- administer. The order is mapped only when one of its administrators approves (the point of no
-- return); it may be declined, and it expires after 7 days (a reminder goes out before).
create table join_request (
  id text primary key,
  order_id text not null references purchase_order (id),
  organization_id text not null references organization (id),
  contact_name text not null,
  contact_email text not null,
  contact_language text not null,
  status text not null default 'pending'
    check (status in ('pending', 'approved', 'declined', 'expired', 'withdrawn')),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  -- When the due loop next looks at it (the reminder, then the expiry); null once decided.
  next_action_at timestamptz,
  reminded_at timestamptz,
  decided_at timestamptz,
  decided_by_label text
);
-- One pending request per order: the order lock orders its writers.
create unique index join_request_pending_order on join_request (order_id) where status = 'pending';
create index join_request_due on join_request (next_action_at) where status = 'pending';

-- The Approve / Decline links e-mailed to each administrator: only the SHA-256 of a token is kept.
-- A link is used once (a decision); a reminder adds new links.
create table join_request_link (
  token_hash bytea primary key,
  join_request_id text not null references join_request (id),
  admin_user_id text not null references app_user (id),
  created_at timestamptz not null,
  expires_at timestamptz not null,
  used_at timestamptz
);
create index join_request_link_request on join_request_link (join_request_id);
