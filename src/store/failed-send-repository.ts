/**
 * E-mails that failed for want of an SMTP server, tried again once it is back (migrations/020).
 * Such a row is `failed` with a `retry_until` (its link's deadline) and keeps its payload, secrets
 * sealed; a refusal or a payload that did not parse has none and is never tried again.
 *
 * A row brought back keeps its `attempts`: the count is the claim's fencing token (see
 * `markFailedAttempt`) and must never repeat. With `attempts` past OUTBOX_MAX_ATTEMPTS the row
 * gets one attempt per revival: the worker revives only after the SMTP server answered.
 *
 * Lock order (see run-transaction.ts): outbox rows in id order, then their sends.
 */
import { type Kysely, sql, type Transaction } from 'kysely';

import type { Database } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What a revived send's status says until the worker sends it again. */
export const REQUEUED_DETAIL = 'queued again: the mail server is back';

/**
 * Brings the failed e-mails whose link still works back to the queue, due at once; with `since`,
 * only those that failed at or after it. Their sends read `queued` again. Returns how many.
 *
 * A provisioning e-mail whose line has had a newer one since (a resend, a reminder, a contact
 * change) is not sent late: the newer one said it better. It loses its secrets and stays failed.
 */
export async function requeueFailedEmails(db: Db, now: Date, opts: { since?: Date } = {}): Promise<number> {
  const since = opts.since ?? new Date(0);
  const { rows } = await sql<{ n: number }>`
    with candidates as (
      select o.id, exists (
          select 1 from provisioning_email pe
          join provisioning_email newer on newer.subscription_id = pe.subscription_id and newer.created_at > pe.created_at
          where pe.id = o.send_id) as outdated
      from outbox o
      where o.topic = 'email' and o.status = 'failed' and o.retry_until > ${now} and o.done_at >= ${since}
      order by o.id
      for update of o skip locked
    ),
    revivable as (select id from candidates where not outdated),
    outdated as (
      update outbox o set retry_until = null, payload = jsonb_set(payload, '{input}', (payload -> 'input') - 'secrets')
      where o.id in (select id from candidates where outdated)
    ),
    revived as (
      update outbox o set status = 'pending', available_at = ${now}, done_at = null, leased_until = null,
        retry_until = null
      where o.id in (select id from revivable)
      returning o.send_id
    ),
    sends as (
      update provisioning_email pe set status = 'queued', status_detail = ${REQUEUED_DETAIL}, status_at = ${now}
      where (pe.id in (select send_id from revived) or pe.lead_send_id in (select send_id from revived))
        and pe.status = 'failed'
    )
    select count(*)::integer as n from revived`.execute(db);
  return rows[0]?.n ?? 0;
}

/** Failed e-mails that may still be retried (their link lives on); any at all, cheaply. */
export async function hasRetryableEmails(db: Db, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom('outbox')
    .select('id')
    .where('status', '=', 'failed')
    .where('retry_until', '>', now)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Failed e-mails whose link has died since: their sealed secrets go (no key opens what is not
 * there), the rest of the input stays as the record of what was to be sent. Returns how many.
 */
export async function dropExpiredEmailSecrets(db: Db, now: Date): Promise<number> {
  const result = await db
    .updateTable('outbox')
    .set({
      payload: sql`jsonb_set(payload, '{input}', (payload -> 'input') - 'secrets')`,
      retry_until: null,
    })
    .where('status', '=', 'failed')
    .where('retry_until', '<=', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export interface FailedEmailCounts {
  /** Failed for want of a server, their link still alive: they go out when SMTP is back. */
  retryable: number;
  /** Failed for good: refused, unreadable, or their link died before SMTP came back. */
  final: number;
}

export async function failedEmailCounts(db: Db, now: Date): Promise<FailedEmailCounts> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('retry_until', '>', now).as('retryable'),
      eb.fn.countAll<number>().as('failed'),
    ])
    .where('topic', '=', 'email')
    .where('status', '=', 'failed')
    .executeTakeFirstOrThrow();
  return { retryable: Number(row.retryable), final: Number(row.failed) - Number(row.retryable) };
}

/** Failed e-mails since an instant that cannot be retried (for the operator's summary). */
export async function countUnretryableEmails(db: Db, now: Date, since: Date): Promise<number> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('topic', '=', 'email')
    .where('status', '=', 'failed')
    .where('done_at', '>=', since)
    .where((eb) => eb.or([eb('retry_until', 'is', null), eb('retry_until', '<=', now)]))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
