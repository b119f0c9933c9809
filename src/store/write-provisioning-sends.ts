/**
 * Writes a batch of provisioning e-mails in one statement: revoke the links a former contact of
 * the order no longer needs, withdraw e-mails still waiting in the outbox that these replace,
 * record the sends, store the new tokens' hashes, queue the outbox rows and append the audit
 * events (and, for a resend, save the line's new state). Each of those used to be its own round
 * trip; on the resend endpoint they were most of the time (docs/benchmarks.md).
 *
 * One e-mail per contact per order: a send either carries an e-mail (a lead: its payload, its
 * setup link, its outbox row) or shares the one of its lead (`leadId`: a follower writes only its
 * own send row and audit event, so every line keeps its own history).
 *
 * A link is the order's: a resend or a reminder to the same contact adds one and leaves the
 * earlier ones alive (a contact who opens an older e-mail, or is half-way through the wizard,
 * carries on); after a contact change, the links whose address holds no live line any more die.
 *
 * One statement of data-modifying CTEs fed by one jsonb parameter. All parts see the same
 * snapshot, so the withdrawals never touch this batch's own rows, and the foreign keys are
 * checked at the end of the statement, when the sends exist.
 *
 * The withdrawal follows withdraw-sends.ts: only rows no worker holds a lease on (one in flight is
 * recorded as what really happened), locked in id order like every writer of outbox rows.
 */
import { sql, type Transaction } from 'kysely';

import type { LineEventOf } from '../domain/line-events.js';
import type { SendReason } from '../domain/types.js';
import { type LineChange, linesUpdate } from './line-repository.js';
import type { EmailPayload } from './outbox-payloads.js';
import type { Database } from './schema.js';
import { orphanedLinkRevocation } from './setup-token-repository.js';
import { pendingOutboxWithdrawal, SUPERSEDED_DETAIL, WITHDRAWN_GROUP } from './withdraw-sends.js';

/** The e-mail a lead send carries: its setup link (only the hash is stored) and what it renders from. */
export interface SendEmail {
  tokenHash: Buffer;
  tokenExpiresAt: Date;
  /** The outbox payload (built by `emailPayload`). */
  payload: EmailPayload;
}

export interface NewProvisioningSend {
  id: string;
  subscriptionId: string;
  orderId: string;
  reason: SendReason;
  requestedByUserId: string | null;
  requestedByLabel: string;
  toName: string;
  toEmail: string;
  language: string;
  /** A lead carries the e-mail; a follower names its lead (earlier in the same batch). */
  carries: SendEmail | { leadId: string };
}

/** Returns how many e-mails still waiting in the outbox were withdrawn. */
export async function writeProvisioningSends(
  trx: Transaction<Database>,
  now: Date,
  sends: NewProvisioningSend[],
  /** When the outbox rows become due on the real clock; differs from `now` only in `run-due --now`. */
  queueAt: Date = now,
  /**
   * Lines' new states saved by the same statement (a resend's round trip less). The statement's
   * other parts see the lines as they were before it: only for changes nothing here reads.
   */
  lineChanges: LineChange[] = [],
): Promise<number> {
  if (sends.length === 0) return 0;
  const rows = sends.map((s, i) => ({
    ord: i,
    id: s.id,
    subscription_id: s.subscriptionId,
    order_id: s.orderId,
    reason: s.reason,
    lead_id: 'leadId' in s.carries ? s.carries.leadId : null,
    requested_by_user_id: s.requestedByUserId,
    requested_by_label: s.requestedByLabel,
    to_name: s.toName,
    to_email: s.toEmail,
    language: s.language,
    token_hash: 'tokenHash' in s.carries ? s.carries.tokenHash.toString('hex') : null,
    token_expires_at: 'tokenHash' in s.carries ? s.carries.tokenExpiresAt.toISOString() : null,
    payload: 'payload' in s.carries ? s.carries.payload : null,
    // The `provisioning_email.queued` line event, written here rather than by `recordLineEvents`
    // so the whole send stays one statement (hot path, docs/benchmarks.md); typed by its schema.
    audit_data: {
      sendId: s.id,
      reason: s.reason,
      to: s.toEmail,
    } satisfies LineEventOf<'provisioning_email.queued'>['data'],
  }));
  // The lookups name the lines and orders as constants: the planner cannot see into the jsonb
  // parameter (it guesses 100 rows) and would scan every live token and every queued send.
  const lineIds = sql.join(sends.map((s) => s.subscriptionId));
  // Only a contact change can leave a link without a line; the RSD burst skips the scan.
  const changedOrders = [
    ...new Set(sends.filter((s) => s.reason === 'contact_change').map((s) => s.orderId)),
  ];
  const revocation =
    changedOrders.length > 0
      ? orphanedLinkRevocation(sql.join(changedOrders), now, 'contact_change')
      : sql`revoked as (select null)`;
  const { rows: result } = await sql<{ superseded: number }>`
    with req as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r (
        ord integer, id text, subscription_id text, order_id text, reason text, lead_id text,
        requested_by_user_id text, requested_by_label text, to_name text, to_email text, language text,
        token_hash text, token_expires_at timestamptz, payload jsonb, audit_data jsonb)
    ),
    ${revocation},
    changed_lines as (${lineChanges.length > 0 ? linesUpdate(lineChanges) : sql`select null`}),
    ${pendingOutboxWithdrawal(lineIds, now)},
    withdrawn_sends as (
      update provisioning_email pe
      set status = 'superseded', status_detail = ${SUPERSEDED_DETAIL}, status_at = ${now}
      where ${WITHDRAWN_GROUP}
    ),
    sends as (
      insert into provisioning_email (id, subscription_id, lead_send_id, reason, requested_by_user_id,
        requested_by_label, to_name, to_email, language, created_at, status_at)
      select id, subscription_id, lead_id, reason, requested_by_user_id, requested_by_label, to_name,
        to_email, language, ${now}, ${now}
      from req order by ord
    ),
    tokens as (
      insert into setup_token (token_hash, subscription_id, send_id, created_at, expires_at)
      select decode(token_hash, 'hex'), subscription_id, id, ${now}, token_expires_at
      from req where lead_id is null
    ),
    messages as (
      insert into outbox (topic, payload, message_key, send_id, available_at, created_at)
      select 'email', payload, id, id, ${queueAt}, ${queueAt} from req where lead_id is null order by ord
      on conflict (message_key) do nothing
    ),
    audit as (
      insert into audit_event (at, actor_user_id, actor_label, action, order_id, subscription_id, data)
      select ${now}, requested_by_user_id, requested_by_label, 'provisioning_email.queued', order_id,
        subscription_id, audit_data
      from req order by ord
    )
    select count(*)::integer as superseded from withdrawn`.execute(trx);
  return result[0]?.superseded ?? 0;
}
