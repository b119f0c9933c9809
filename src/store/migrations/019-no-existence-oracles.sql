-- No existence oracles across organizations (issue 18).
--
-- Web order ids were unique across all partners: a partner placing `WO-1001` learned, from
-- DUPLICATE_WEB_ORDER_ID, that another partner already used it, and could take ids another
-- partner was about to use. From now on a web order id is unique per partner only: two partners
-- may each have a `WO-1001`, and the refusal only ever concerns the caller's own partner. Every
-- lookup by web order id is scoped to the orders the caller may see (or their own partner's).
-- Existing data satisfies the new rule (it satisfied a stricter one), so nothing is rewritten.
alter table purchase_order drop constraint purchase_order_web_order_id_key;
create unique index purchase_order_partner_web_order_id on purchase_order (partner_id, web_order_id);
-- Support agents and provisioning contacts look an order up by its web order id across partners.
create index purchase_order_web_order_id on purchase_order (web_order_id);

-- Support case numbers were a global sequence (CS1001, CS1002, ...): the number a partner got
-- back told how many cases everyone had opened in between, and so whether a contact's
-- (silently accepted) request on another partner's order had really opened a case. New cases
-- get a random 10-digit number (CS + digits, see caseNumberOf); cases already open keep theirs.
drop sequence support_case_number;

-- Failed sign-ins, for the throttle that slows guessing without locking the owner out: one row
-- per key (an e-mail address's hash, a client address, or a known browser's hash), counting
-- failures; `blocked_until` is the end of the backoff (no attempt under the key is checked before
-- then). Successful sign-ins never count; the count is forgotten after a quiet day.
create table sign_in_failure (
  key text primary key,
  failures integer not null check (failures > 0),
  last_failure_at timestamptz not null,
  blocked_until timestamptz not null
);
create index sign_in_failure_last on sign_in_failure (last_failure_at);

-- Browsers that signed in as an address before (a random cookie; only its SHA-256 is kept). Their
-- failures count under the browser's own key instead of the address's, so a stranger hammering an
-- address slows every other client but never locks its owner's own browser out.
create table sign_in_known_browser (
  token_hash bytea primary key,
  address_hash text not null,
  created_at timestamptz not null,
  expires_at timestamptz not null
);
create index sign_in_known_browser_expiry on sign_in_known_browser (expires_at);
