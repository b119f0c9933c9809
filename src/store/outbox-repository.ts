/**
 * The transactional outbox. Rows are written with the change that causes them; workers claim
 * due rows with one statement (FOR UPDATE SKIP LOCKED) and push `available_at` forward as a lease:
 * a worker that dies mid-send leaves the row to come back by itself when the lease ends.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { Database, OutboxTable } from './schema.js';

type Db = Kysely<Database> | Transaction<Database>;
export type OutboxRow = Selectable<OutboxTable>;

export interface NewOutboxMessage {
  topic: string;
  payload: unknown;
  /** Stable identity (becomes the Message-ID); enqueuing the same key twice is a no-op. */
  messageKey: string;
  sendId?: string | null;
  availableAt: Date;
}

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
      })),
    )
    .onConflict((oc) => oc.column('message_key').doNothing())
    .execute();
}

/** Claims up to `limit` due rows for `leaseMs`; each claim counts as an attempt. */
export async function claimDue(db: Db, now: Date, limit: number, leaseMs: number): Promise<OutboxRow[]> {
  const leaseUntil = new Date(now.getTime() + leaseMs);
  const { rows } = await sql<OutboxRow>`
    update outbox set available_at = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select id from outbox
      where status = 'pending' and available_at <= ${now}
      order by available_at, id
      limit ${limit}
      for update skip locked)
    returning *`.execute(db);
  return rows;
}

/** Marks a claimed row delivered and drops secrets (the setup link) from its payload. */
export async function markDone(db: Db, id: number, now: Date, scrubbedPayload: unknown): Promise<void> {
  await db
    .updateTable('outbox')
    .set({ status: 'done', done_at: now, last_error: null, payload: JSON.stringify(scrubbedPayload) })
    .where('id', '=', id)
    .execute();
}

/** Schedules a retry with capped exponential backoff, or gives up after `maxAttempts`. Returns the new status. */
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
    scrubbedPayload: unknown;
  },
): Promise<'pending' | 'failed'> {
  const giveUp = opts.permanent || row.attempts >= opts.maxAttempts;
  const delay = Math.min(opts.backoffMaxMs, opts.backoffBaseMs * 2 ** Math.max(0, row.attempts - 1));
  await db
    .updateTable('outbox')
    .set(
      giveUp
        ? { status: 'failed', done_at: now, last_error: error, payload: JSON.stringify(opts.scrubbedPayload) }
        : { available_at: new Date(now.getTime() + delay), last_error: error },
    )
    .where('id', '=', row.id)
    .execute();
  return giveUp ? 'failed' : 'pending';
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
