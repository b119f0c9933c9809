-- A large order import uploaded in the workspace runs in the background, in steps, so a restart
-- does not lose it: the upload and how far it got are here. A step locks its row (FOR UPDATE
-- SKIP LOCKED) for the length of one transaction, so two workers never run the same step and a
-- crash simply rolls the step back for the next pass.
create table order_import (
  id text primary key,
  -- The partner user who uploaded it: the orders are theirs, and only they see the import.
  user_id text not null references app_user (id),
  partner_id text not null references organization (id),
  format text not null check (format in ('csv', 'json')),
  -- false: all-or-nothing (nothing is written unless every row is good); true: the valid orders.
  partial boolean not null,
  -- The uploaded file; emptied once the import is done.
  file_text text not null,
  -- Rows (subscription lines) in the file, and how many are done (imported or refused).
  total_rows integer not null,
  done_rows integer not null default 0,
  -- queued: not checked yet; importing: checked, writing; done: finished (see the counts and
  -- errors); failed: stopped by an unexpected error, nothing more is written.
  status text not null default 'queued' check (status in ('queued', 'importing', 'done', 'failed')),
  -- Set by the check: the indexes (among the file's orders) of the good orders, in file order,
  -- and how many of them the steps have handled.
  good_orders jsonb,
  next_good integer not null default 0,
  imported_orders integer not null default 0,
  imported_lines integer not null default 0,
  file_orders integer not null default 0,
  -- Row errors ({line, webOrderId, field, message}), sorted by line once the import is done.
  errors jsonb not null default '[]',
  -- Unexpected errors so far; the third one fails the import.
  attempts integer not null default 0,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  finished_at timestamptz
);
create index order_import_waiting on order_import (created_at) where status in ('queued', 'importing');
create index order_import_user on order_import (user_id, created_at);
