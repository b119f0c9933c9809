-- Mail caught by the built-in SMTP sink (embedded/demo mode only), shown at /dev/mailbox.
create table captured_mail (
  id bigint generated always as identity primary key,
  received_at timestamptz not null,
  message_id text,
  mail_from text not null,
  rcpt_to text[] not null,
  subject text not null,
  text_body text not null,
  html_body text not null,
  links jsonb not null default '[]'
);
create index captured_mail_received on captured_mail (received_at desc);
