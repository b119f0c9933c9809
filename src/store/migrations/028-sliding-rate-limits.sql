-- Rate limits count hits in a sliding window instead of windows aligned to the clock: "3 an hour"
-- now means at most 3 in any hour, and Retry-After is the moment the oldest counted hit leaves
-- the window. One row per key holds the times of its hits still inside the window (at most the
-- limit). Keys never hold an address in clear (the callers hash them). The old windows only
-- limited the hour they were counted in: dropping them forgets at most that hour's hits.
drop table rate_limit;
create table rate_limit (
  key text primary key,
  hits timestamptz[] not null,
  -- The last hit plus the window: past it the row limits nothing and the worker deletes it.
  expires_at timestamptz not null
);
create index rate_limit_expiry on rate_limit (expires_at);
