/**
 * The transactional outbox. Rows are written with the change that causes them; workers claim
 * due rows with one statement (FOR UPDATE SKIP LOCKED) and push `available_at` forward as a lease:
 * a worker that dies mid-send leaves the row to come back by itself when the lease ends.
 */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';

import type { EmailTemplate, TemplateFields } from '../email/email-types.js';
import {
  type EmailPayload,
  emailPayload,
  type FinishedPayload,
  type OutboxTopic,
  type StoredPayload,
} from './outbox-payloads.js';
import type { Database, OutboxTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type OutboxRow = Selectable<OutboxTable>;

/** One row to write; its payload's type follows its topic (see outbox-payloads.ts). */
export type NewOutboxMessage = {
  [T in OutboxTopic]: {
    topic: T;
    payload: StoredPayload<T>;
    /** Stable identity (becomes the Message-ID); enqueuing the same key twice is a no-op. */
    messageKey: string;
    sendId?: string | null;
    availableAt: Date;
    /** Webhook deliveries: the endpoint the row goes to. */
    webhookEndpointId?: string | null;
  };
}[OutboxTopic];

export async function enqueue(db: Db, now: Date, messages: NewOutboxMessage[]): Promise<void> {
  if (messages.length === 0) return;
  await db
    .insertInto('outbox')
    .values(
      messages.map((m) => ({
        topic: m.topic,
        payload: JSON.stringify(m.payload),
        message_key: m.messageKey,
        send_id: m.sendId ?? null,
        available_at: m.availableAt,
        created_at: now,
        webhook_endpoint_id: m.webhookEndpointId ?? null,
      })),
    )
    .onConflict((oc) => oc.column('message_key').doNothing())
    .execute();
}

/**
 * One e-mail to queue: a template and that template's own input, so a misspelt or missing field
 * fails the typecheck. Link tokens go in `input.secrets` (sealed when written, dropped once the
 * row is finished).
 */
export type QueuedEmail = {
  [T in EmailTemplate]: {
    template: T;
    input: TemplateFields<T>;
    /** Stable identity (becomes the Message-ID); queuing the same key twice is a no-op. */
    messageKey: string;
    /** Provisioning e-mails: the send the row's outcome is recorded on. */
    sendId?: string | null;
  };
}[EmailTemplate];

/** The one way an e-mail is queued, in the caller's transaction; it goes out from `now` on. */
export async function enqueueEmail(db: Db, now: Date, emails: QueuedEmail | QueuedEmail[]): Promise<void> {
  await enqueue(
    db,
    now,
    (Array.isArray(emails) ? emails : [emails]).map((e) => ({
      topic: 'email',
      payload: emailPayload(e.template, e.input),
      messageKey: e.messageKey,
      sendId: e.sendId ?? null,
      availableAt: now,
    })),
  );
}

/**
 * Claims up to `limit` due rows of `topic` for `leaseMs`; each claim counts as an attempt, and the
 * new `attempts` is the claim's fencing token (see `markFailedAttempt`). The due rows are taken in
 * the order of the `outbox_due` index, so the scan stops at the last one taken; their ids, as an
 * array, then update them by primary key (as `id in (subquery)`, a small table was read whole).
 */
export async function claimDue(
  db: Db,
  now: Date,
  limit: number,
  leaseMs: number,
  topic = 'email',
): Promise<OutboxRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const { rows } = await sql<OutboxRow>`
    update outbox set available_at = ${leaseUntil}, leased_until = ${leaseUntil}, attempts = attempts + 1
    where id = any(array(
      select id from outbox
      where status = 'pending' and topic = ${topic} and available_at <= ${now}
      order by available_at, id
      limit ${limit}
      for update skip locked))
    returning *`.execute(db);
  return rows;
}

/**
 * Marks a claimed row delivered and, when given, stores its finished payload (an e-mail's without
 * its secrets; a webhook's holds none and stays). False when the row was already finished (a
 * duplicate after an expired lease): its outcome is recorded.
 */
export async function markDone(
  db: Db,
  id: number,
  now: Date,
  finishedPayload?: FinishedPayload,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      status: 'done',
      done_at: now,
      last_error: null,
      ...(finishedPayload && { payload: JSON.stringify(finishedPayload) }),
    })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * `markDone` for many claimed rows in one statement; returns the ids it finished (a row already
 * finished by a newer claim is left alone, as in `markDone`). A row withdrawn (`superseded`) after
 * this claim's lease ran out is finished too: the server accepted it, so it went out, and the
 * history must say so rather than "withdrawn before it was sent".
 * The rows are locked in id order first, the order every writer of outbox rows keeps (see
 * run-transaction.ts): an update joined to a recordset would lock them in whatever order the plan
 * visits them, and deadlock with a withdrawal locking the same rows the other way round.
 */
export async function markManyDone(
  db: Db,
  rows: { id: number; finishedPayload: FinishedPayload }[],
  now: Date,
): Promise<Set<number>> {
  if (rows.length === 0) return new Set();
  const values = rows.map((r) => ({ id: r.id, payload: r.finishedPayload }));
  const { rows: done } = await sql<{ id: number }>`
    with v as (select * from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v (id bigint, payload jsonb)),
    locked as (
      select o.id from outbox o where o.id in (select id from v) and o.status in ('pending', 'superseded')
      order by o.id for update of o
    )
    update outbox o set status = 'done', done_at = ${now}, last_error = null, leased_until = null,
      payload = v.payload
    from v
    where o.id = v.id and o.id in (select id from locked) and o.status in ('pending', 'superseded')
    returning o.id`.execute(db);
  return new Set(done.map((r) => Number(r.id)));
}

/**
 * Schedules a retry with capped exponential backoff, or gives up after `maxAttempts`. Returns the
 * new status, or 'superseded' when the row was claimed again after this claim's lease ran out (or
 * is already finished): the newer claim decides, so a slow worker never fails a sent e-mail.
 */
export async function markFailedAttempt(
  db: Db,
  row: Pick<OutboxRow, 'id' | 'attempts'>,
  now: Date,
  error: string,
  opts: {
    permanent: boolean;
    maxAttempts: number;
    backoffBaseMs: number;
    backoffMaxMs: number;
    /** Stored when the row fails for good (see `markDone`); absent: the payload stays. */
    finishedPayload?: FinishedPayload | EmailPayload;
    /** When the row fails for good: retried once SMTP is back until then (see failed-send-repository.ts). */
    retryUntil?: Date | null;
  },
): Promise<'pending' | 'failed' | 'superseded'> {
  const giveUp = opts.permanent || row.attempts >= opts.maxAttempts;
  const delay = Math.min(opts.backoffMaxMs, opts.backoffBaseMs * 2 ** Math.max(0, row.attempts - 1));
  const result = await db
    .updateTable('outbox')
    .set(
      giveUp
        ? {
            status: 'failed',
            done_at: now,
            last_error: error,
            leased_until: null,
            retry_until: opts.retryUntil ?? null,
            ...(opts.finishedPayload && { payload: JSON.stringify(opts.finishedPayload) }),
          }
        : { available_at: new Date(now.getTime() + delay), leased_until: null, last_error: error },
    )
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) return 'superseded';
  return giveUp ? 'failed' : 'pending';
}

/**
 * Gives a claimed row back, due at `until`, and its claim no longer counts as an attempt: the
 * server asked us to wait (a throttling answer, with its `error`), or the worker missed the row's
 * send slot; the message was not refused. Fenced like `markFailedAttempt`: false when a newer
 * claim holds the row or it is finished.
 */
export async function giveBackClaimed(
  db: Db,
  row: Pick<OutboxRow, 'id' | 'attempts'>,
  until: Date,
  error?: string,
): Promise<boolean> {
  const result = await db
    .updateTable('outbox')
    .set({
      available_at: until,
      leased_until: null,
      attempts: row.attempts - 1,
      ...(error !== undefined && { last_error: error }),
    })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('attempts', '=', row.attempts)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The send an outbox message carries, by its stable key (the local part of its Message-ID). */
export async function sendIdOfMessage(db: Db, messageKey: string): Promise<string | null> {
  const row = await db
    .selectFrom('outbox')
    .select('send_id')
    .where('message_key', '=', messageKey)
    .executeTakeFirst();
  return row?.send_id ?? null;
}

export interface OutboxStats {
  pending: number;
  oldestPendingAt: Date | null;
  failed: number;
}

export async function outboxStats(db: Db): Promise<OutboxStats> {
  const row = await db
    .selectFrom('outbox')
    .select((eb) => [
      eb.fn.countAll<number>().filterWhere('status', '=', 'pending').as('pending'),
      eb.fn.min('created_at').filterWhere('status', '=', 'pending').as('oldest'),
      eb.fn.countAll<number>().filterWhere('status', '=', 'failed').as('failed'),
    ])
    .executeTakeFirstOrThrow();
  return {
    pending: Number(row.pending),
    oldestPendingAt: (row.oldest as Date | null) ?? null,
    failed: Number(row.failed),
  };
}
