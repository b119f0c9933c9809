-- The daily digest e-mail to the person who placed an order (issue 19). Each user may turn it off
-- on their account page (on by default). Each digest sent is a row keyed by user and UTC day,
-- written in the transaction that queues the e-mail: two workers, or a worker restarted in the
-- middle of the run, never send one user two digests on the same day.
alter table app_user add column daily_digest boolean not null default true;

create table digest_sent (
  user_id text not null references app_user (id),
  day date not null,
  sent_at timestamptz not null,
  -- how many lines the digest listed (closing soon + delivery problems), for the record
  lines integer not null,
  primary key (user_id, day)
);
