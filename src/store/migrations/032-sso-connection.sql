-- Single sign-on (OpenID Connect), one connection per organization. The client secret is sealed
-- (src/store/secret-box.ts, purpose 'sso'), never stored in clear. `display_name` names the
-- identity provider in refusals ("sign in with Okta"). `enforced`: password sign-in and password
-- recovery are refused for the organization's users. `invitations_required`: a person the
-- provider vouches for but who has no account yet is refused instead of created (just in time)
-- with `default_role`. `session_max_minutes` bounds a session started through the provider.
create table sso_connection (
  organization_id text primary key references organization (id),
  display_name text not null,
  issuer text not null,
  client_id text not null,
  client_secret_sealed text not null,
  enforced boolean not null default false,
  invitations_required boolean not null default false,
  default_role text not null,
  session_max_minutes integer not null default 480 check (session_max_minutes between 5 and 1440),
  created_at timestamptz not null,
  updated_at timestamptz not null
);

-- The e-mail domains of an organization. A domain routes sign-ins only once verified: by a DNS TXT
-- record `_onramp-verification.<domain>` holding `onramp-verification=<token>`, or by an operator.
-- Several organizations may claim a domain; only one may hold it verified.
create table sso_domain (
  organization_id text not null references organization (id),
  domain text not null check (domain = lower(domain)),
  verification_token text not null,
  created_at timestamptz not null,
  verified_at timestamptz,
  verified_by text check (verified_by in ('dns', 'operator')),
  primary key (organization_id, domain)
);
create unique index sso_domain_verified on sso_domain (domain) where verified_at is not null;
