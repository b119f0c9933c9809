/**
 * The one `Database` type Kysely checks every query against. It mirrors migrations/*.sql.
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

import type { Language, LineStatus, Role } from '../domain/types.js';

type Timestamp = ColumnType<Date, Date, Date>;
type Json = ColumnType<unknown, string, string>;
type Serial = ColumnType<number, never, never>;

export interface OrganizationTable {
  id: string;
  kind: 'partner' | 'distributor' | 'customer' | 'operator';
  name: string;
  country: string | null;
  data_region: string | null;
  created_at: Timestamp;
  deactivated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface AppUserTable {
  id: string;
  organization_id: string;
  role: Role;
  name: string;
  email: string;
  language: Language;
  password_hash: string | null;
  created_at: Timestamp;
  /** Set while the user is deactivated: no sign-in, sessions and API tokens refused. */
  deactivated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  updated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The daily digest e-mail (closing soon, delivery problems) is wanted: on by default (migrations/022). */
  daily_digest: Generated<boolean>;
}

/** One daily digest sent: at most one per user and UTC day (migrations/022). */
export interface DigestSentTable {
  user_id: string;
  /** YYYY-MM-DD, the UTC day of the digest. */
  day: string;
  sent_at: Timestamp;
  /** Lines it listed: closing soon plus delivery problems. */
  lines: number;
}

/** A personal API token (see migrations/011): only the SHA-256 is kept; `label` is its name. */
export interface ApiTokenTable {
  /** Public id, e.g. tok_8d1f0c2b7a4e4f19b3c2. */
  id: string;
  token_hash: Uint8Array;
  user_id: string;
  label: string;
  created_at: Timestamp;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  read_only: Generated<boolean>;
  /** null = never expires (demo and test tokens only; created tokens always expire). */
  expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** The token's last four characters, to tell tokens apart in a list. */
  hint: Generated<string>;
  /** Set when the token was rolled; it works until `expires_at` (the grace period). */
  rolled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  rolled_to_id: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An invitation to join an organization with a role (see migrations/011). */
export interface InvitationTable {
  id: string;
  organization_id: string;
  email: string;
  role: Role;
  language: Language;
  invited_by_user_id: string | null;
  invited_by_label: string;
  /** SHA-256 of the live link's token; a resend replaces it. */
  token_hash: Uint8Array;
  created_at: Timestamp;
  sent_at: Timestamp;
  expires_at: Timestamp;
  send_count: Generated<number>;
  accepted_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  accepted_user_id: ColumnType<string | null, string | null | undefined, string | null>;
  revoked_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  bounced_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Outbox message key of the newest invitation e-mail (a bounce report names it). */
  message_key: string | null;
}

export interface PasswordTokenTable {
  token_hash: Uint8Array;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  /** welcome: a new customer admin; bootstrap: the first operator; reset: password recovery. */
  purpose: ColumnType<PasswordLinkPurpose, PasswordLinkPurpose | undefined, PasswordLinkPurpose>;
}

export type PasswordLinkPurpose = 'welcome' | 'bootstrap' | 'reset';

/** The offer catalogue (see migrations/011). */
export interface OfferTable {
  code: string;
  name: string;
  /** Days after the first e-mail until an unprovisioned line closes; null until seeded at start. */
  policy_days: ColumnType<number | null, number | null | undefined, number | null>;
  /** Retired offers (false) refuse new orders; existing lines keep theirs. */
  active: Generated<boolean>;
  updated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface PurchaseOrderTable {
  id: string;
  web_order_id: string;
  partner_id: string;
  distributor_id: string | null;
  placed_by_user_id: string;
  end_customer_name: string;
  submitted_at: Timestamp;
  customer_organization_id: string | null;
  mapped_at: Timestamp | null;
  mapped_by_email: string | null;
}

export interface SubscriptionLineTable {
  subscription_id: string;
  order_id: string;
  line_no: number;
  offer_code: string;
  quantity: number;
  /** YYYY-MM-DD */
  rsd: string;
  status: LineStatus;
  pending_provisioning: Generated<boolean>;
  contact_name: string;
  contact_email: string;
  contact_language: Language;
  rsd_at: Timestamp;
  first_email_at: Timestamp | null;
  reminders_sent: Generated<number>;
  next_action_at: Timestamp | null;
  closed_at: Timestamp | null;
  cancelled_at: Timestamp | null;
  provisioned_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** The offer's policy period when the line was ordered (null only before the start-up seeding). */
  policy_days: ColumnType<number | null, number | null | undefined, number | null>;
}

export interface SetupTokenTable {
  token_hash: Uint8Array;
  subscription_id: string;
  send_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  revoked_reason: string | null;
  used_at: Timestamp | null;
}

export interface ProvisioningEmailTable {
  id: string;
  seq: Serial;
  subscription_id: string;
  /**
   * The send whose e-mail (outbox row) and setup link this line's send shares: one e-mail per
   * contact per order lists all their lines. Null for a lead (its own e-mail).
   */
  lead_send_id: string | null;
  reason: 'rsd' | 'resend' | 'contact_change' | 'reminder';
  requested_by_user_id: string | null;
  requested_by_label: string;
  to_name: string;
  to_email: string;
  language: string;
  /** superseded: a newer link replaced it before it was sent; withdrawn: the order was set up first. */
  status: Generated<'queued' | 'sent' | 'failed' | 'bounced' | 'superseded' | 'withdrawn'>;
  status_detail: string | null;
  created_at: Timestamp;
  status_at: Timestamp;
}

export interface OutboxTable {
  id: Serial;
  topic: string;
  payload: Json;
  message_key: string;
  send_id: string | null;
  status: Generated<'pending' | 'done' | 'failed' | 'superseded'>;
  attempts: Generated<number>;
  available_at: Timestamp;
  /** Set by a claim: until then a worker may be sending the row, so no withdrawal touches it (migrations/013). */
  leased_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
  last_error: string | null;
  created_at: Timestamp;
  done_at: Timestamp | null;
  /** Webhook deliveries only: the endpoint this row goes to (see migrations/008). */
  webhook_endpoint_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** A failed e-mail is retried when SMTP is back until then; null: never (migrations/020). */
  retry_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface AuditEventTable {
  id: Serial;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  order_id: string | null;
  subscription_id: string | null;
  data: Json;
  /** Operator and admin actions: the organization they concern. */
  organization_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CapturedMailTable {
  id: Serial;
  received_at: Timestamp;
  message_id: string | null;
  mail_from: string;
  rcpt_to: string[];
  subject: string;
  text_body: string;
  html_body: string;
  links: Json;
}

export interface WebSessionTable {
  id_hash: Uint8Array;
  user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** Set when the session was started through single sign-on (migrations/033). */
  sso_organization_id: ColumnType<string | null, string | null | undefined, string | null>;
  /** The provider's ID token, sealed: the hint for RP-initiated logout. */
  id_token_sealed: ColumnType<string | null, string | null | undefined, string | null>;
}

/** An organization's OpenID Connect connection (migrations/032); the client secret is sealed. */
export interface SsoConnectionTable {
  organization_id: string;
  /** The identity provider's name as people know it ("Okta", "Entra ID"). */
  display_name: string;
  issuer: string;
  client_id: string;
  client_secret_sealed: string;
  /** Password sign-in and recovery refused for the organization's users. */
  enforced: boolean;
  /** No just-in-time creation: only people who already have an account sign in. */
  invitations_required: boolean;
  /** The role a just-in-time user gets. */
  default_role: Role;
  session_max_minutes: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** An e-mail domain of an organization; it routes sign-ins once verified (migrations/032). */
export interface SsoDomainTable {
  organization_id: string;
  /** Lower case, e.g. acme.example. */
  domain: string;
  /** The value the DNS TXT record must hold (after `onramp-verification=`). */
  verification_token: string;
  created_at: Timestamp;
  verified_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  verified_by: ColumnType<
    'dns' | 'operator' | null,
    'dns' | 'operator' | null | undefined,
    'dns' | 'operator' | null
  >;
}

/** A sign-in on its way through the identity provider (migrations/033). */
export interface SsoSignInTable {
  id_hash: Uint8Array;
  organization_id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  next_path: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** The shared SMTP sending budget: one row, id 1 (migrations/030, domain/send-budget.ts). */
export interface SmtpBudgetTable {
  id: number;
  /** The first instant no worker has reserved a send slot at yet. */
  next_slot_at: Timestamp;
  /** Until then, after a throttling answer, slots are `slow_factor` times as far apart. */
  slow_until: Timestamp;
  slow_factor: number;
}

/** Fixed-window rate limiter: hits of one key in one window (see migrations/005). */
export interface RateLimitTable {
  key: string;
  /** The hits still inside the window, oldest first (migration 028). */
  hits: Date[];
  expires_at: Timestamp;
}

/** Failed sign-ins of one key (address hash, client address or known browser), see migrations/019. */
export interface SignInFailureTable {
  key: string;
  failures: number;
  last_failure_at: Timestamp;
  /** No attempt under this key is checked before then. */
  blocked_until: Timestamp;
}

/** A browser that signed in as an address before: its failures count apart (migrations/019). */
export interface SignInKnownBrowserTable {
  token_hash: Uint8Array;
  /** SHA-256 hex of the lowercased address, as the limiter keys it. */
  address_hash: string;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/** The first response to an Idempotency-Key (see migrations/006); `status` null = still running. */
export interface IdempotencyKeyTable {
  user_id: string;
  key: string;
  request_hash: Uint8Array;
  status: number | null;
  content_type: string | null;
  location: string | null;
  body: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
}

/**
 * A partner's or distributor's webhook endpoint (see migrations/008); `secret` signs deliveries.
 * Secrets are sealed (secret-box.ts, purpose 'webhook'; older rows in clear until resealed).
 */
export interface WebhookEndpointTable {
  id: string;
  organization_id: string;
  url: string;
  secret: string;
  /** The secret before the last rotation; it also signs until its expiry (migrations/031). */
  previous_secret: ColumnType<string | null, string | null | undefined, string | null>;
  previous_secret_expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  secret_rotated_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  description: string;
  /** The event types it hears about; null: every type (migrations/029). */
  events: ColumnType<string[] | null, string[] | null | undefined, string[] | null>;
  created_by_user_id: string | null;
  created_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** One delivery attempt of a webhook outbox row: the receiver's status or the error. */
export interface WebhookAttemptTable {
  id: Serial;
  outbox_id: number;
  attempt: number;
  at: Timestamp;
  response_status: number | null;
  error: string | null;
}

/** A support case (see migrations/007); `access_key_hash` lets a provisioning contact reach it by link. */
export interface SupportCaseTable {
  id: string;
  type: 'resend_provisioning_email' | 'change_provisioning_contact' | 'other';
  status: Generated<
    'open' | 'in_progress' | 'awaiting_agent' | 'waiting_on_customer' | 'resolved' | 'closed'
  >;
  order_id: string;
  subscription_id: string | null;
  description: string;
  requester_user_id: string | null;
  requester_name: string;
  requester_email: string;
  requester_language: Language;
  access_key_hash: Uint8Array | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** When it was last resolved or closed (migration 025); null while it is open. */
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SupportCaseScreenshotTable {
  id: string;
  case_id: string;
  filename: string;
  content_type: 'image/png' | 'image/jpeg' | 'image/webp';
  size_bytes: number;
  content: Uint8Array;
  created_at: Timestamp;
  /** Pixels, read from the header at upload; null for screenshots stored before migration 021. */
  width: number | null;
  height: number | null;
}

export interface SupportCaseEventTable {
  id: Serial;
  case_id: string;
  at: Timestamp;
  actor_user_id: string | null;
  actor_label: string;
  kind: 'opened' | 'reply' | 'requester_reply' | 'status' | 'resend' | 'contact_change';
  body: string | null;
  data: Json;
}

/** A large order import running in the background (see migrations/026). */
export interface OrderImportTable {
  id: string;
  user_id: string;
  partner_id: string;
  format: 'csv' | 'json';
  /** false: all-or-nothing; true: import the valid orders. */
  partial: boolean;
  /** The uploaded file; '' once done. */
  file_text: string;
  /** Rows (subscription lines) in the file, and how many are done (imported or refused). */
  total_rows: number;
  done_rows: Generated<number>;
  status: ColumnType<OrderImportStatus, OrderImportStatus | undefined, OrderImportStatus>;
  /** Indexes of the good orders among the file's, set by the check (null before). */
  good_orders: ColumnType<unknown, string | null | undefined, string | null>;
  /** How many of the good orders the steps have handled. */
  next_good: Generated<number>;
  imported_orders: Generated<number>;
  imported_lines: Generated<number>;
  file_orders: Generated<number>;
  /** RowError[] as JSON. */
  errors: ColumnType<unknown, string | undefined, string>;
  attempts: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  finished_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export type OrderImportStatus = 'queued' | 'importing' | 'done' | 'failed';
/** A contact's request to join a customer organization (see migrations/023). */
export interface JoinRequestTable {
  id: string;
  order_id: string;
  organization_id: string;
  contact_name: string;
  contact_email: string;
  contact_language: Language;
  status: ColumnType<JoinRequestStatus, JoinRequestStatus | undefined, JoinRequestStatus>;
  created_at: Timestamp;
  expires_at: Timestamp;
  /** The reminder, then the expiry; null once decided. */
  next_action_at: Timestamp | null;
  reminded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  decided_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** "Name <email>" of the administrator who decided, or "Onramp" for an expiry. */
  decided_by_label: ColumnType<string | null, string | null | undefined, string | null>;
}

/** withdrawn: the order was mapped otherwise (an administrator of an organization set it up). */
export type JoinRequestStatus = 'pending' | 'approved' | 'declined' | 'expired' | 'withdrawn';

/** One administrator's single-use Approve / Decline link: only its token's SHA-256 is kept. */
export interface JoinRequestLinkTable {
  token_hash: Uint8Array;
  join_request_id: string;
  admin_user_id: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface Database {
  join_request: JoinRequestTable;
  join_request_link: JoinRequestLinkTable;
  organization: OrganizationTable;
  app_user: AppUserTable;
  api_token: ApiTokenTable;
  invitation: InvitationTable;
  password_token: PasswordTokenTable;
  offer: OfferTable;
  purchase_order: PurchaseOrderTable;
  subscription_line: SubscriptionLineTable;
  setup_token: SetupTokenTable;
  provisioning_email: ProvisioningEmailTable;
  outbox: OutboxTable;
  audit_event: AuditEventTable;
  captured_mail: CapturedMailTable;
  web_session: WebSessionTable;
  sso_connection: SsoConnectionTable;
  sso_domain: SsoDomainTable;
  sso_sign_in: SsoSignInTable;
  rate_limit: RateLimitTable;
  smtp_budget: SmtpBudgetTable;
  sign_in_failure: SignInFailureTable;
  sign_in_known_browser: SignInKnownBrowserTable;
  idempotency_key: IdempotencyKeyTable;
  webhook_endpoint: WebhookEndpointTable;
  webhook_attempt: WebhookAttemptTable;
  support_case: SupportCaseTable;
  support_case_screenshot: SupportCaseScreenshotTable;
  support_case_event: SupportCaseEventTable;
  digest_sent: DigestSentTable;
  order_import: OrderImportTable;
}

export type SubscriptionLineRow = Selectable<SubscriptionLineTable>;
export type PurchaseOrderRow = Selectable<PurchaseOrderTable>;
export type AppUserRow = Selectable<AppUserTable>;
export type NewAuditEvent = Insertable<AuditEventTable>;
