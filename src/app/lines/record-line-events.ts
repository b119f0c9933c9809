/**
 * The one writer of line events: each event becomes an audit row (the line's timeline) and the
 * webhook deliveries it produces, in the caller's transaction, so they commit or roll back with
 * the change that caused them. Use cases say what happened; they never write these rows by hand.
 *
 * The one exception is `provisioning_email.queued`: `writeProvisioningSends` writes its audit row
 * inside its one measured statement (the RSD burst and the resend's hot path); a caller then
 * passes the queued events to `queueWebhooksOfQueuedEmails` for their webhooks.
 */
import type { Kysely, Transaction } from 'kysely';

import type { LineEventAt, LineEventOf } from '../../domain/line-events.js';
import { appendAudit, type AuditActor, type AuditEntry } from '../../store/audit-repository.js';
import type { Database } from '../../store/schema.js';
import type { AppDeps } from '../deps.js';
import { queueLineWebhooks } from '../webhooks/queue-webhook-events.js';

type Db = Kysely<Database> | Transaction<Database>;

function auditEntryOf(e: LineEventAt): AuditEntry {
  // One row per event, action = type; TypeScript cannot pair `type` and `data` once taken apart.
  const { type, data, orderId, subscriptionId } = e;
  return {
    action: type,
    data,
    orderId: orderId ?? null,
    subscriptionId: subscriptionId ?? null,
  } as AuditEntry;
}

const lineEventsOf = (events: LineEventAt[]) =>
  events.flatMap((event) => (event.subscriptionId ? [{ subscriptionId: event.subscriptionId, event }] : []));

export async function recordLineEvents(
  trx: Db,
  deps: Pick<AppDeps, 'ids'>,
  now: Date,
  actor: AuditActor,
  events: LineEventAt[],
  /** When the webhooks become due on the real clock; differs from `now` only in `run-due --now`. */
  queueAt: Date = now,
): Promise<void> {
  if (events.length === 0) return;
  await appendAudit(trx, now, actor, events.map(auditEntryOf));
  await queueLineWebhooks(trx, deps, now, lineEventsOf(events), queueAt);
}

/** The webhooks of provisioning e-mails whose audit rows `writeProvisioningSends` already wrote. */
export async function queueWebhooksOfQueuedEmails(
  trx: Db,
  deps: Pick<AppDeps, 'ids'>,
  now: Date,
  events: (LineEventOf<'provisioning_email.queued'> & { subscriptionId: string })[],
  queueAt: Date = now,
): Promise<void> {
  await queueLineWebhooks(trx, deps, now, lineEventsOf(events), queueAt);
}
