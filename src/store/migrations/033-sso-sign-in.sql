-- A sign-in on its way through the identity provider: the browser holds a random id in a cookie
-- (only its hash is here); the row holds what the callback must check (state, nonce) and the PKCE
-- verifier, so none of it travels through the browser. Used once; dead after `expires_at`.
create table sso_sign_in (
  id_hash bytea primary key,
  organization_id text not null references organization (id),
  state text not null,
  nonce text not null,
  code_verifier text not null,
  next_path text,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sso_sign_in_expires on sso_sign_in (expires_at);

-- A session started through single sign-on: its organization's connection, and the ID token
-- (sealed) to name the session at the provider's logout endpoint (RP-initiated logout).
alter table web_session add column sso_organization_id text;
alter table web_session add column id_token_sealed text;
