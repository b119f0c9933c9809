/**
 * Writes a batch of provisioning e-mails in one statement: revoke the links a former contact of
 * the line still holds, withdraw its e-mail still waiting in the outbox, record the send, store
 * the new token's hash, queue the outbox row and append the audit event. Each of those used to
 * be its own round trip; on the resend endpoint they were most of the time (docs/benchmarks.md).
 *
 * Only the links sent to another address die (the line's contact changed): a resend or a reminder
 * to the same contact adds a link and leaves the earlier ones alive, so a contact who opens an
 * older e-mail, or is half-way through the wizard, carries on.
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
import type { EmailPayload } from './outbox-payloads.js';
import type { Database } from './schema.js';
import type { RevokeReason } from './setup-token-repository.js';
import { pendingOutboxWithdrawal, SUPERSEDED_DETAIL } from './withdraw-sends.js';

export interface NewProvisioningSend {
  id: string;
  subscriptionId: string;
  orderId: string;
  reason: SendReason;
  /** Why the line's previous live link stops working. */
  revokeReason: Extract<RevokeReason, 'resend' | 'contact_change'>;
  requestedByUserId: string | null;
  requestedByLabel: string;
  toName: string;
  toEmail: string;
  language: string;
  tokenHash: Buffer;
  tokenExpiresAt: Date;
  /** The outbox payload: what the e-mail renders from (built by `emailPayload`). */
  payload: EmailPayload;
}

/** Returns how many e-mails still waiting in the outbox were withdrawn. */
export async function writeProvisioningSends(
  trx: Transaction<Database>,
  now: Date,
  sends: NewProvisioningSend[],
  /** When the outbox rows become due on the real clock; differs from `now` only in `run-due --now`. */
  queueAt: Date = now,
): Promise<number> {
  if (sends.length === 0) return 0;
  const rows = sends.map((s, i) => ({
    ord: i,
    id: s.id,
    subscription_id: s.subscriptionId,
    order_id: s.orderId,
    reason: s.reason,
    revoke_reason: s.revokeReason,
    requested_by_user_id: s.requestedByUserId,
    requested_by_label: s.requestedByLabel,
    to_name: s.toName,
    to_email: s.toEmail,
    language: s.language,
    token_hash: s.tokenHash.toString('hex'),
    token_expires_at: s.tokenExpiresAt.toISOString(),
    payload: s.payload,
    // The `provisioning_email.queued` line event, written here rather than by `recordLineEvents`
    // so the whole send stays one statement (hot path, docs/benchmarks.md); typed by its schema.
    audit_data: {
      sendId: s.id,
      reason: s.reason,
      to: s.toEmail,
    } satisfies LineEventOf<'provisioning_email.queued'>['data'],
  }));
  // The lookups name the lines as constants: the planner cannot see into the jsonb parameter
  // (it guesses 100 rows) and would scan every live token and every queued send.
  const lineIds = sql.join(sends.map((s) => s.subscriptionId));
  const { rows: result } = await sql<{ superseded: number }>`
    with req as (
      select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r (
        ord integer, id text, subscription_id text, order_id text, reason text, revoke_reason text,
        requested_by_user_id text, requested_by_label text, to_name text, to_email text, language text,
        token_hash text, token_expires_at timestamptz, payload jsonb, audit_data jsonb)
    ),
    revoked as (
      update setup_token t set revoked_at = ${now}, revoked_reason = req.revoke_reason
      from req, provisioning_email earlier
      where t.subscription_id in (${lineIds}) and t.subscription_id = req.subscription_id
        and t.revoked_at is null and t.used_at is null
        and earlier.id = t.send_id and lower(earlier.to_email) <> lower(req.to_email)
      returning t.token_hash
    ),
    ${pendingOutboxWithdrawal(lineIds, now)},
    withdrawn_sends as (
      update provisioning_email pe
      set status = 'superseded', status_detail = ${SUPERSEDED_DETAIL}, status_at = ${now}
      where pe.id in (select send_id from withdrawn)
    ),
    sends as (
      insert into provisioning_email (id, subscription_id, reason, requested_by_user_id, requested_by_label,
        to_name, to_email, language, created_at, status_at)
      select id, subscription_id, reason, requested_by_user_id, requested_by_label, to_name, to_email,
        language, ${now}, ${now}
      from req order by ord
    ),
    tokens as (
      insert into setup_token (token_hash, subscription_id, send_id, created_at, expires_at)
      select decode(token_hash, 'hex'), subscription_id, id, ${now}, token_expires_at
      from req
    ),
    messages as (
      insert into outbox (topic, payload, message_key, send_id, available_at, created_at)
      select 'email', payload, id, id, ${queueAt}, ${queueAt} from req order by ord
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
