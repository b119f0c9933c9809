-- The customer setup wizard: a fixed-window rate limiter (self-service "send me a new link") and
-- the index the organization finder uses ("a customer admin on the same e-mail domain").

-- One row per key and window; `count` grows with each hit inside the window. Keys never hold an
-- address in clear (the caller hashes them). Rows past `expires_at` are deleted as hits arrive.
create table rate_limit (
  key text not null,
  window_start timestamptz not null,
  count integer not null,
  expires_at timestamptz not null,
  primary key (key, window_start)
);
create index rate_limit_expiry on rate_limit (expires_at);

create index app_user_customer_admin_domain on app_user (lower(split_part(email, '@', 2)))
  where role = 'customer_admin';
