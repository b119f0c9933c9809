-- Browser sessions for the web pages: only the SHA-256 of the session id is stored.
create table web_session (
  id_hash bytea primary key,
  user_id text not null references app_user (id),
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index web_session_user on web_session (user_id);
